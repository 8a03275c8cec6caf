/**
 * Reading source tables (the training set TD.csv, user uploads) into {@link org.muwclass.core.model.SourceMeasurements}:
 * a small column-access abstraction with declared units (CSV here, STIL tables in {@code org.muwclass.tables}), one
 * alias table for column names, unit conversion and plausibility checks with messages that name the row, column, value
 * and what is allowed, counted warnings, training sources among the targets, and a content checksum for provenance.
 * Plain Java: no STIL.
 */
package org.muwclass.core.training;
