package org.muwclass.service.cluster;

import java.util.Map;
import java.util.Set;

/**
 * The shared structures of the cluster, as the job layer sees them (no Hazelcast types, so the single-instance
 * service never loads Hazelcast classes). Units are named "jobId/index"; unit results are opaque bytes.
 */
public interface WorkGrid {

    /** This member's id (stable while it is in the cluster). */
    String selfId();

    /** A readable name for this member (Payara instance name, else host:port). */
    String selfLabel();

    /** Ids of the members currently in the cluster. */
    Set<String> memberIds();

    /** Runs {@code listener} (on a grid thread) whenever a member leaves the cluster. */
    void onMemberLeft(Runnable listener);

    // ------------------------------------------------------------------ jobs

    /** Marks a job's units as wanted; workers drop units of jobs that are not active. */
    void activate(String jobId, String kind);

    /** The kind of an active job, or null when the job is not active. */
    String activeKind(String jobId);

    /** Ids of the active jobs. */
    Set<String> activeJobs();

    /** Forgets a job: active flag, queued units are dropped by workers, claims and results are removed. */
    void retire(String jobId);

    // ------------------------------------------------------------------ units

    /** Queues a unit for any member's workers. */
    void offer(String jobId, int unit);

    /** Units of this job waiting in the queue (a snapshot). */
    Set<Integer> queued(String jobId);

    /** Takes the next queued unit, waiting up to {@code timeoutMs}; null when none came. */
    UnitRef poll(long timeoutMs) throws InterruptedException;

    /** Records that this member is running the unit. */
    void claim(String jobId, int unit);

    /** Removes this member's claim. */
    default void unclaim(String jobId, int unit) {
        dropClaim(jobId, unit, selfId());
    }

    /** Removes a claim if it is still held by {@code memberId}. */
    void dropClaim(String jobId, int unit, String memberId);

    /** Claims of a job: unit to member id (a snapshot). */
    Map<Integer, String> claims(String jobId);

    /** Stores a unit's result. */
    void putResult(String jobId, int unit, byte[] result);

    /** Units of the job whose results are stored. */
    Set<Integer> resultUnits(String jobId);

    /** Results of the given units (missing ones are left out). */
    Map<Integer, byte[]> results(String jobId, Set<Integer> units);

    /** A queued unit. */
    record UnitRef(String jobId, int unit) {

        String encode() {
            return jobId + "/" + unit;
        }

        static UnitRef decode(String s) {
            int slash = s.lastIndexOf('/');
            return new UnitRef(s.substring(0, slash), Integer.parseInt(s.substring(slash + 1)));
        }
    }
}
