/**
 * The one classification application service behind every front door: the CLI ({@code muwclass classify}), the UWS
 * job kind ({@code /classify}) and the demo-field runs. It holds the options (one record, one parser for CLI options
 * and UWS parameters, one validation), reads and feature-extracts the inputs through a {@link
 * org.muwclass.classification.TableReader} port, runs the core pipeline and returns the result table with its
 * provenance. Plain Java: no Jakarta, JDBC or HTTP types; the front doors adapt files, limits and error documents.
 */
package org.muwclass.classification;
