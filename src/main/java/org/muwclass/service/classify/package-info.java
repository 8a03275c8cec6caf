/**
 * MUWCLASS classification as a UWS job kind ({@code /classify}): job parameters and uploaded input tables in,
 * the shared classification service and the core pipeline run, result table, provenance and summary image out,
 * rows published to {@code muwclass.classified_sources}; also the one-off classification of the shipped demo
 * fields. It plugs into {@code service.uws} through {@link org.muwclass.service.uws.JobKind} and may use
 * {@code core}, {@code tables}, {@code service.db}, {@code service.config} and {@code service.cluster}; the generic
 * UWS packages never depend on it.
 */
package org.muwclass.service.classify;
