/**
 * The UWS 1.1 HTTP binding (JAX-RS): {@link org.muwclass.service.uws.http.UwsJobsResource} serves one job list for
 * any {@link org.muwclass.service.uws.JobKind} (a subclass names the kind and its path, e.g.
 * {@link org.muwclass.service.uws.http.ClassifyResource} at {@code /classify}), with blocking WAIT. Request reading
 * and value checks are {@code service.dali}'s; it calls the job service in {@code service.uws} and writes documents
 * with {@code service.uws.xml}, and knows no job kind's parameters.
 */
package org.muwclass.service.uws.http;
