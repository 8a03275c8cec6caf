/**
 * The VO metadata of {@code vo-config/}: the service description and the schemas, tables and columns the service
 * publishes (units, UCDs, descriptions), read once at start-up. Plain records and a reader: depends only on
 * {@code core.io}, so TAP, the database loaders and the registry record can all describe tables from it.
 */
package org.muwclass.service.meta;
