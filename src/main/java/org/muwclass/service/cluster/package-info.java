/**
 * Scale-out of classification work over a cluster of service instances through Payara Micro's data grid
 * (Hazelcast): a job's work units go through a distributed queue, every member's unit workers run them, partial
 * sums come back through a distributed map and are merged in unit order by the member that runs the job. Job
 * ownership is kept in the shared database so another member takes over a job whose member died. Only plain
 * values (strings, integers, byte arrays) cross the grid, so members need nothing but the same WAR. See
 * docs/cluster.md.
 */
package org.muwclass.service.cluster;
