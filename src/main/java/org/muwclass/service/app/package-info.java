/**
 * The composition root: start-up and wiring of the service, and nothing else. {@link
 * org.muwclass.service.app.ServiceRuntime} opens the database, reads the VO metadata, loads the training set and has
 * the query protocol publish its tables (through the {@link org.muwclass.service.app.MetadataPublisher} port, which
 * TAP implements); {@link org.muwclass.service.app.UwsService} builds the one job manager from every job kind and
 * starts the cluster; the producers read MicroProfile Config into the {@code service.config} records; {@link
 * org.muwclass.service.app.VoApplication} is the JAX-RS application.
 *
 * <p>Layering: this package sits above the stores ({@code db}), the job engine ({@code uws}) and the cluster, and
 * below the front doors ({@code tap}, {@code uws.http}, {@code classify}, {@code vosi}, {@code health}, {@code api}),
 * which read the runtime state from it. It imports none of the front doors, so no package loop passes through it
 * (checked by {@code org.muwclass.architecture.LayeringTest}).
 */
package org.muwclass.service.app;
