/**
 * Small JSON endpoints for the web pages ({@code /api/...}), e.g. the training set's class counts. Reads through
 * {@code service.db} and {@code core.model}; no VO protocol lives here.
 */
package org.muwclass.service.api;
