/**
 * Class balancing of the standardised training matrix: SMOTE as in the paper (docs/algorithm.md §7.1) and the final
 * missing-value flag.
 */
package org.muwclass.core.oversampling;
