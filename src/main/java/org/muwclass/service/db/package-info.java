/**
 * The service's database and nothing else: connection pools and the SQL dialect (H2 embedded or PostgreSQL),
 * the read-only login of TAP queries, the loader that fills published tables from CSV once, and the published table
 * of classified sources. Depends on {@code service.config} and {@code service.meta}; start-up and wiring belong to
 * the composition root, not here.
 */
package org.muwclass.service.db;
