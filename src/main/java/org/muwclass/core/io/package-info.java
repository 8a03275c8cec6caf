/**
 * Plain CSV tables (RFC 4180) as the upstream MUWCLASS files are written, with blank cells read as absent. No
 * project dependencies; richer formats (VOTable, FITS) go through STIL in {@code org.muwclass.tables}.
 */
package org.muwclass.core.io;
