/**
 * X-ray features of MUWCLASS from per-observation Chandra Source Catalog data: detection filtering, Fechner flux
 * moments, inverse-variance averaging, hardness ratios and variability probabilities (spec section 2).
 */
package org.muwclass.core.xray;
