/**
 * MicroProfile Health checks ({@code /health/live}, {@code /health/ready}) for container orchestration: live unless
 * start-up failed for good, ready when the data are loaded and the database answers (the same test as VOSI
 * availability). Depends on the start-up state and {@code service.vosi} only.
 */
package org.muwclass.service.health;
