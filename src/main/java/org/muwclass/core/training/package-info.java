/**
 * Reading source tables (the training set TD.csv, user uploads) into {@link org.muwclass.core.model.SourceMeasurements}:
 * a small column-access abstraction backed by CSV or STIL tables, one alias table for column names, validation with
 * messages that name the column and row, and a content checksum for provenance.
 */
package org.muwclass.core.training;
