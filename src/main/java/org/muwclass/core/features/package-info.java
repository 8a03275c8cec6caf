/**
 * Feature engineering (docs/algorithm.md §4 steps 1-6): one sampled {@link org.muwclass.core.features.Photometry}
 * realisation per source becomes a row of the 29 MUWCLASS features laid out by {@link
 * org.muwclass.core.features.FeatureSchema}.
 */
package org.muwclass.core.features;
