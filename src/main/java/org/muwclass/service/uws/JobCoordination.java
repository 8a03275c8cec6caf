package org.muwclass.service.uws;

/**
 * Sharing of jobs between instances of the service that use one database (a cluster). Given to {@link JobManager},
 * it changes three rules: the member that queues a job records itself as the job's owner (table uws.job_owners);
 * a QUEUED or EXECUTING job whose owner is not a live member is taken over by one live member (compare-and-set on
 * the owner) and run again there; and the restart rule (EXECUTING jobs go to ERROR at start-up) is replaced by that
 * takeover. Without it (the single-instance default) jobs belong to the one process.
 */
public interface JobCoordination {

    /** This member's id, stored as the owner of the jobs it runs. */
    String selfId();

    /** Whether {@code memberId} is a live member of the cluster. */
    boolean isLive(String memberId);

    /** Registers an action to run whenever a member leaves the cluster. */
    void onMemberLeft(Runnable action);
}
