/**
 * The TAP 1.1 HTTP binding (JAX-RS) at {@code /tap}: sync queries with their concurrency limit, the async job list,
 * and the VOSI/DALI documents (capabilities, tables, examples, the registry record). Thin: it reads the request,
 * calls {@code service.tap} and streams what {@code tap.query} returns.
 */
package org.muwclass.service.tap.web;
