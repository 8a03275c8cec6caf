/**
 * Generic UWS 1.1 job machinery: the {@link org.muwclass.service.uws.JobKind} plug-in interface, the phase state
 * machine, persistence ({@link org.muwclass.service.uws.JobStore}) and execution
 * ({@link org.muwclass.service.uws.JobManager}). Plain Java plus JDBC: no JAX-RS types, so it is tested without an
 * application server. The HTTP binding lives in {@code org.muwclass.service.uws.http}.
 */
package org.muwclass.service.uws;
