/**
 * Multiwavelength counterparts of X-ray sources (docs/algorithm.md §3): the 2-sigma positional test per catalogue
 * (Gaia, 2MASS, CatWISE2020, unWISE, AllWISE), cp_flag, the chance-coincidence estimate, and the magnitude choice
 * with AllWISE &gt; CatWISE &gt; unWISE priority for W1/W2.
 */
package org.muwclass.core.crossmatch;
