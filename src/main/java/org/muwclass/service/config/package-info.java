/**
 * Runtime settings of the service as records (database, jobs, quotas, waits, uploads, queries, security, demo runs),
 * read once at start-up from MicroProfile Config (system properties, {@code MUWCLASS_*} environment variables) and
 * validated with messages naming the property. Values only (their CDI producers live in the composition root,
 * {@code service.app}): it may depend on {@code service.uws} value types and {@code tables}, never on the protocol
 * packages that read it.
 */
package org.muwclass.service.config;
