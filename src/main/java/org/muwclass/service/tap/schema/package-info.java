/**
 * TAP_SCHEMA (TAP 1.1 section 4): its five tables described like any published table, and their rows written
 * from the {@code service.meta} descriptions at start-up. Depends on {@code service.meta} and {@code tap.adql}.
 */
package org.muwclass.service.tap.schema;
