/**
 * The values everything in the pipeline speaks: the eight source classes in the paper's order, the X-ray and
 * optical/infrared bands with their constants, and one X-ray source's source-level measurements. The ground floor
 * of {@code core}: depends on nothing else in the project.
 */
package org.muwclass.core.model;
