/**
 * The service-wide pool that runs the Monte-Carlo work units of every classification job, and the per-forest costs
 * the jobs' quotes are computed with on it (issue 15 items 2 and 5).
 */
package org.muwclass.service.work;
