/**
 * Table files in and out through STIL (VOTable, CSV, FITS), always with an explicit format: the classification output
 * table with its provenance INFO elements, and input tables for the command line. Shared by the CLI and the service.
 */
package org.muwclass.tables;
