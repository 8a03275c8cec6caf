/**
 * Physics used to redden the training set and to describe Galactic foregrounds: X-ray absorption (tbabs), optical/IR
 * extinction (Fitzpatrick 1999), the SFD dust map and HI map in low-resolution HEALPix form, and E(B-V) binning.
 */
package org.muwclass.core.physics;
