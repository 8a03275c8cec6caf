/**
 * Class balancing of the standardised training matrix: SMOTE as in the paper (spec §7.1) and the final missing-value
 * flag.
 */
package org.muwclass.core.oversampling;
