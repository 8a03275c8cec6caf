package org.muwclass.service.uws;

/**
 * Thrown by {@link JobContext#checkpoint()} once a job has been aborted or has run past its execution duration.
 * Job kinds let it propagate; the machinery has already set the job's final phase.
 */
public class JobStoppedException extends RuntimeException {

    public JobStoppedException(String message) {
        super(message);
    }
}
