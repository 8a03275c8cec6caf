package org.muwclass.service.uws;

/**
 * A job request the machinery refuses; the subclasses say why (the HTTP layer maps each to a status). The message
 * is for the user.
 */
public abstract class JobRequestException extends Exception {

    protected JobRequestException(String message) {
        super(message);
    }

    /** Seconds a client should wait before trying again (Retry-After), or 0 when trying again will not help. */
    public int retryAfterSeconds() {
        return 0;
    }

    /** No job with this id (or it was destroyed). */
    public static final class NotFound extends JobRequestException {
        public NotFound(String jobId) {
            super("No job " + jobId + " (unknown, or destroyed after its destruction time)");
        }
    }

    /** The job has an owner and the caller is someone else. */
    public static final class Forbidden extends JobRequestException {
        public Forbidden(String jobId) {
            super("Job " + jobId + " belongs to another owner");
        }
    }

    /** The bounded queue is full. */
    public static final class QueueFull extends JobRequestException {
        public QueueFull(int limit) {
            super("The job queue is full: " + limit + " jobs are already queued or executing "
                    + "(muwclass.jobs.queue.limit); try again later");
        }

        @Override
        public int retryAfterSeconds() {
            return 60;
        }
    }

    /** One client holds as many jobs as its quota allows (HTTP 429 with Retry-After). */
    public static final class QuotaExceeded extends JobRequestException {
        private final int retryAfter;

        public QuotaExceeded(String message, int retryAfterSeconds) {
            super(message);
            this.retryAfter = retryAfterSeconds;
        }

        @Override
        public int retryAfterSeconds() {
            return retryAfter;
        }
    }

    /** The service as a whole holds as many jobs or bytes as it allows (HTTP 503 with Retry-After). */
    public static final class ServiceFull extends JobRequestException {
        private final int retryAfter;

        public ServiceFull(String message, int retryAfterSeconds) {
            super(message);
            this.retryAfter = retryAfterSeconds;
        }

        @Override
        public int retryAfterSeconds() {
            return retryAfter;
        }
    }

    /** Storing the request's files would exceed the client's byte quota (HTTP 413). */
    public static final class StorageQuotaExceeded extends JobRequestException {
        public StorageQuotaExceeded(String message) {
            super(message);
        }
    }

    /** The request needs another phase, e.g. changing parameters of a job that has started. */
    public static final class WrongPhase extends JobRequestException {
        public WrongPhase(String message) {
            super(message);
        }
    }

    /** The service is shutting down or not started. */
    public static final class Unavailable extends JobRequestException {
        public Unavailable(String message) {
            super(message);
        }
    }
}
