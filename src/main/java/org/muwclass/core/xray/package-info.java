/**
 * X-ray features of MUWCLASS from per-observation Chandra Source Catalog data: detection filtering, Fechner flux
 * moments, inverse-variance averaging, hardness ratios and variability probabilities (docs/algorithm.md §2).
 */
package org.muwclass.core.xray;
