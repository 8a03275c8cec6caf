/**
 * The TAP 1.1 service's wiring: start-up setup of the database for TAP (geometry functions, indexes, upload
 * sweep, TAP_SCHEMA), TAP queries as a UWS job kind ({@code /tap/async}) and the service facade the HTTP layer
 * calls. Query execution is {@code tap.query}, ADQL is {@code tap.adql}, the HTTP binding is {@code tap.web}.
 */
package org.muwclass.service.tap;
