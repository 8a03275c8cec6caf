/**
 * ADQL 2.0 through VOLLT: parsing, checking every table and column against the published metadata, and translation
 * to the SQL of H2 (geometry as Java functions and a HEALPix cone index) or PostgreSQL with pgSphere, plus the
 * user-defined functions the service declares. Depends on {@code service.meta} and {@code service.db} (the
 * dialect) only.
 */
package org.muwclass.service.tap.adql;
