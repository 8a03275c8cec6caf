/**
 * Running one TAP query: validated request parameters, TAP_UPLOAD tables streamed into temporary database tables,
 * ADQL compiled by {@code tap.adql}, a JDBC cursor streamed as a one-pass STIL table, and the result or DALI error
 * document written in the requested format with MAXREC overflow and cancellation. No HTTP types: depends on
 * {@code service.db}, {@code service.meta}, {@code tap.adql} and {@code tables}.
 */
package org.muwclass.service.tap.query;
