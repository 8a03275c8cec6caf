package org.muwclass.service.uws;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What a start finds of the previous process, and cleans up (review M2, M3).
 *
 * <ul>
 *   <li>EXECUTING jobs were cut off (shutdown, crash, kill -9): they go to ERROR with a transient error summary, their
 *       partial results are removed, and their kind withdraws anything they published outside the job directory
 *       ({@link JobKind#discarded}), so rows published just before a kill -9 do not stay public.</li>
 *   <li>QUEUED jobs never started: the caller queues them again.</li>
 *   <li>Crash leftovers are removed: {@code jobs/.staging} (request bodies being received), {@code tmp/sync-*} (sync
 *       TAP uploads), and job directories with no row in uws.jobs (moved in before an insert that never committed,
 *       or left by a destruction cut short).</li>
 * </ul>
 * In a cluster other members are live, so only leftovers older than {@link #CLUSTER_LEFTOVER_AGE} are removed and
 * EXECUTING jobs are left to the takeover rule.
 */
final class JobRecovery {

    /** Age beyond which a staging or orphan directory cannot belong to another member's request in progress. */
    static final Duration CLUSTER_LEFTOVER_AGE = Duration.ofHours(6);

    private static final Logger LOG = Logger.getLogger(JobRecovery.class.getName());

    private final JobStore store;
    private final JobFiles files;
    private final Map<String, JobKind<?>> kinds;
    private final Clock clock;

    JobRecovery(JobStore store, JobFiles files, Map<String, JobKind<?>> kinds, Clock clock) {
        this.store = store;
        this.files = files;
        this.kinds = kinds;
        this.clock = clock;
    }

    /** Sets jobs cut off while EXECUTING to ERROR; returns the ids of QUEUED jobs, to queue again. */
    List<String> recoverJobs() throws SQLException {
        Instant now = clock.instant();
        for (String id : store.idsInPhases(EnumSet.of(ExecutionPhase.EXECUTING))) {
            Optional<JobRecord> job = store.find(id);
            String started = job.map(j -> j.startTime() == null ? "?" : j.startTime().toString()).orElse("?");
            if (store.setPhase(id, ExecutionPhase.EXECUTING, ExecutionPhase.ERROR, now, ErrorSummary.transientError(
                    "The service was restarted while this job was executing (it started at " + started
                            + "); its partial results were discarded. Submit the job again to run it."))) {
                store.clearResults(id);
                JobFiles.deleteTree(files.jobDirectory(id).resolve("results"));
                JobFiles.deleteTree(files.work(id));
                job.ifPresent(j -> discarded(j.kind(), id));
                LOG.warning(() -> "Job " + id + " was executing when the service stopped; set to ERROR");
            }
        }
        return store.idsInPhases(EnumSet.of(ExecutionPhase.QUEUED));
    }

    /** Lets the kind remove what a destroyed job kept outside its directory (e.g. published rows). */
    void destroyed(String kind, String id) {
        JobKind<?> k = kinds.get(kind);
        if (k == null) {
            return;
        }
        try {
            k.destroyed(id);
        } catch (Exception e) {
            LOG.log(Level.WARNING, "Clean-up of destroyed job " + id + " failed", e);
        }
    }

    /** Lets the kind undo what a job that will not complete published outside its directory. */
    void discarded(String kind, String id) {
        JobKind<?> k = kinds.get(kind);
        if (k == null) {
            return;
        }
        try {
            k.discarded(id);
        } catch (Exception e) {
            LOG.log(Level.WARNING, "Withdrawing what job " + id + " published failed", e);
        }
    }

    /**
     * Removes crash leftovers: staging and sync-upload directories, and job directories without a job row.
     *
     * @param minAge only leftovers last modified longer ago than this (zero: all, for a single instance)
     * @return how many were removed
     */
    int sweep(Duration minAge) {
        Instant before = clock.instant().minus(minAge);
        int removed = 0;
        removed += removeOld(files.root().resolve(".staging"), before, name -> true);
        Path tmp = files.root().getParent() == null ? null : files.root().getParent().resolve("tmp");
        if (tmp != null) {
            removed += removeOld(tmp, before, name -> name.startsWith("sync-"));
        }
        removed += removeOld(files.root(), before, name -> JobIds.isWellFormed(name) && !jobExists(name));
        int n = removed;
        if (n > 0) {
            LOG.info(() -> "Removed " + n + " leftover file(s) or directory(ies) of an earlier run");
        }
        return removed;
    }

    private boolean jobExists(String id) {
        try {
            return store.exists(id);
        } catch (SQLException e) {
            return true; // when in doubt, keep
        }
    }

    private static int removeOld(Path dir, Instant before, java.util.function.Predicate<String> matches) {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        int n = 0;
        try (var entries = Files.list(dir)) {
            for (Path p : entries.toList()) {
                String name = p.getFileName().toString();
                if (matches.test(name) && Files.getLastModifiedTime(p).toInstant().isBefore(before)) {
                    JobFiles.deleteTree(p);
                    n++;
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "Cannot clean " + dir, e);
        }
        return n;
    }
}
