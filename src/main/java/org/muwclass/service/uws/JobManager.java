package org.muwclass.service.uws;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs UWS jobs of every registered {@link JobKind}: creation, the bounded queue and worker pool, execution
 * duration, abort, blocking WAIT, destruction and recovery after a restart.
 *
 * <p>Restart rule: a job found QUEUED at start-up never started, so it is queued again; a job found EXECUTING
 * was cut off (shutdown, crash, kill -9), so it goes to ERROR with a transient error summary saying so and its
 * partial results are removed. COMPLETED results stay.
 *
 * <p>Stopping is cooperative: ABORT and the execution duration change the phase at once (the job is ABORTED or
 * ERROR from then on, whatever the code still running does) and make the job's next
 * {@link JobContext#checkpoint()} throw. Threads are never interrupted, because an interrupt during file I/O can
 * close the embedded database's files.
 *
 * <p>Every method taking {@code kind} and {@code caller} checks that the job is of that kind (else not found) and
 * that an owned job belongs to the caller (else forbidden).
 */
public final class JobManager implements AutoCloseable {

    /** Parameters the machinery handles itself; the rest go to the job kind. */
    public static final Set<String> CONTROL_PARAMETERS = Set.of("PHASE", "RUNID", "EXECUTIONDURATION",
            "DESTRUCTION", "ACTION", "WAIT");

    private static final Logger LOG = Logger.getLogger(JobManager.class.getName());
    private static final long PROGRESS_STORE_INTERVAL_MS = 1000;

    private final JobStore store;
    private final JobFiles files;
    private final Map<String, JobKind<?>> kinds = new LinkedHashMap<>();
    private final JobLimits limits;
    private final Clock clock;
    private final ThreadPoolExecutor workers;
    private final ScheduledExecutorService timer;
    private final AtomicInteger slotsInUse = new AtomicInteger();
    private final Map<String, Execution> running = new ConcurrentHashMap<>();
    /** Jobs holding one of this member's queue slots (a job's slot is released once, by whoever sees it go). */
    private final Set<String> slotJobs = ConcurrentHashMap.newKeySet();
    private final JobCoordination coordination;
    private final JobOwners owners;
    private final Object phaseMonitor = new Object();
    private long phaseVersion;
    private volatile boolean closed;

    public JobManager(JobStore store, JobFiles files, Collection<? extends JobKind<?>> jobKinds, JobLimits limits,
                      Clock clock) {
        this(store, files, jobKinds, limits, clock, null, null);
    }

    /**
     * @param coordination cluster membership when several instances share the database, else null
     * @param owners       the job owner table (required with {@code coordination})
     */
    public JobManager(JobStore store, JobFiles files, Collection<? extends JobKind<?>> jobKinds, JobLimits limits,
                      Clock clock, JobCoordination coordination, JobOwners owners) {
        if (coordination != null && owners == null) {
            throw new IllegalArgumentException("A clustered JobManager needs the job owner table");
        }
        this.coordination = coordination;
        this.owners = owners;
        this.store = store;
        this.files = files;
        this.limits = limits;
        this.clock = clock;
        for (JobKind<?> k : jobKinds) {
            if (kinds.put(k.name(), k) != null) {
                throw new IllegalArgumentException("Two job kinds are called " + k.name());
            }
        }
        this.workers = new ThreadPoolExecutor(limits.workerThreads(), limits.workerThreads(), 0, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), daemonThreads("uws-worker"));
        this.timer = Executors.newSingleThreadScheduledExecutor(daemonThreads("uws-timer"));
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** Creates the tables, recovers jobs of a previous process and starts the reaper. */
    public void start() throws SQLException {
        if (coordination == null) {
            store.createSchema();
        } else {
            createSchemaAlongsideOthers();
        }
        if (coordination != null) {
            startClustered();
            return;
        }
        JobFiles.deleteTree(files.root().resolve(".staging"));
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
                LOG.warning(() -> "Job " + id + " was executing when the service stopped; set to ERROR");
            }
        }
        for (String id : store.idsInPhases(EnumSet.of(ExecutionPhase.QUEUED))) {
            slotsInUse.incrementAndGet();
            slotJobs.add(id);
            workers.execute(() -> runJob(id));
            LOG.info(() -> "Job " + id + " was queued when the service stopped; queued again");
        }
        long every = limits.reaperInterval().toMillis();
        timer.scheduleWithFixedDelay(this::reapQuietly, every, every, TimeUnit.MILLISECONDS);
    }

    public JobLimits limits() {
        return limits;
    }

    public JobFiles files() {
        return files;
    }

    public boolean hasKind(String kind) {
        return kinds.containsKey(kind);
    }

    // ---------------------------------------------------------------- creation and changes

    /**
     * Creates a job. {@code parameters} may include the UWS control parameters PHASE=RUN, RUNID, EXECUTIONDURATION
     * (seconds) and DESTRUCTION (ISO-8601); the others are validated by the job kind. Uploaded files are moved
     * into the job directory.
     *
     * @throws ParameterException         a parameter is invalid (nothing is created)
     * @throws JobRequestException.QueueFull PHASE=RUN was asked and the queue is full (nothing is created)
     */
    public JobRecord create(String kind, String owner, JobParameters parameters, List<UploadedFile> uploads)
            throws ParameterException, JobRequestException {
        return create(kind, owner, parameters, uploads, null);
    }

    /**
     * Creates a job the service submits itself (e.g. the demo-field classifications published at first start),
     * destroyed at {@code destruction}: unlike a client's DESTRUCTION, it is not capped by the default job lifetime,
     * so the job (and rows it published, which its destruction withdraws) can be kept for good.
     */
    public JobRecord createForService(String kind, String owner, JobParameters parameters, List<UploadedFile> uploads,
                                      Instant destruction) throws ParameterException, JobRequestException {
        return create(kind, owner, parameters, uploads, java.util.Objects.requireNonNull(destruction, "destruction"));
    }

    private JobRecord create(String kind, String owner, JobParameters parameters, List<UploadedFile> uploads,
                             Instant fixedDestruction) throws ParameterException, JobRequestException {
        JobKind<?> jobKind = requireKind(kind);
        Optional<String> phase = parameters.get("PHASE");
        if (phase.isPresent() && !phase.get().trim().equalsIgnoreCase("RUN")) {
            throw new ParameterException("PHASE", phase.get(), "RUN (or no PHASE) when creating a job");
        }
        boolean run = phase.isPresent();
        String runId = parameters.get("RUNID").orElse(null);
        Instant now = clock.instant();
        Duration duration = parameters.get("EXECUTIONDURATION").isPresent()
                ? effectiveDuration(parseSeconds(parameters.get("EXECUTIONDURATION").get()))
                : limits.executionDurationDefault();
        Instant destruction = fixedDestruction != null ? fixedDestruction
                : parameters.get("DESTRUCTION").isPresent()
                ? effectiveDestruction(parseInstant("DESTRUCTION", parameters.get("DESTRUCTION").get()), now)
                : now.plus(limits.destructionDefault());
        JobParameters kindParameters = parameters.without(CONTROL_PARAMETERS);
        for (UploadedFile u : uploads) {
            if (!JobFiles.isStorableName(u.partName())) {
                throw new ParameterException(u.partName(), "upload part names may use up to 100 letters, digits,"
                        + " '.', '_' or '-'");
            }
        }
        Duration estimate = estimate(jobKind, new JobInput(kindParameters, byPart(uploads)));
        if (run) {
            acquireSlot();
        }
        String id = JobIds.newId();
        try {
            List<UploadedFile> stored = moveUploads(id, uploads);
            store.insert(new JobRecord(id, kind, runId, owner, ExecutionPhase.PENDING, now, null, null, duration,
                    destruction, estimate, null, Progress.NONE, kindParameters, stored, List.of()));
        } catch (IOException | SQLException | RuntimeException e) {
            if (run) {
                slotsInUse.decrementAndGet();
            }
            JobFiles.deleteTree(files.jobDirectory(id));
            throw new IllegalStateException("Cannot store the new job: " + e.getMessage(), e);
        }
        if (run) {
            enqueue(id, true);
        }
        LOG.fine(() -> "Created " + kind + " job " + id + (run ? " (queued)" : ""));
        return find(id);
    }

    private static <P> Duration estimate(JobKind<P> kind, JobInput input) throws ParameterException {
        return kind.estimate(kind.parse(input));
    }

    /** PHASE=RUN: queues a PENDING job. Jobs already queued, executing or finished are left as they are. */
    public void run(String kind, String id, String caller) throws JobRequestException {
        JobRecord job = get(kind, id, caller);
        if (job.phase() == ExecutionPhase.PENDING) {
            acquireSlot();
            enqueue(id, true);
        }
    }

    /** PHASE=ABORT: stops a job that has not finished. Finished jobs are left as they are. */
    public void abort(String kind, String id, String caller) throws JobRequestException {
        get(kind, id, caller);
        abort(id, ErrorSummary.fatal("The job was aborted by its user"));
    }

    private void abort(String id, ErrorSummary why) {
        for (int attempt = 0; attempt < 5; attempt++) {
            JobRecord job = findQuietly(id);
            if (job == null || job.phase().isFinal()) {
                return;
            }
            if (transition(id, job.phase(), ExecutionPhase.ABORTED, null)) {
                Execution ex = running.get(id);
                if (ex != null) {
                    ex.stop(why.message());
                }
                return;
            }
        }
    }

    /** DELETE or ACTION=DELETE: aborts the job if needed and removes it and its files. */
    public void delete(String kind, String id, String caller) throws JobRequestException {
        get(kind, id, caller);
        destroy(id);
    }

    private void destroy(String id) {
        abort(id, ErrorSummary.fatal("The job was destroyed"));
        JobRecord job = findQuietly(id);
        try {
            store.delete(id);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot delete job " + id + ": " + e.getMessage(), e);
        }
        JobFiles.deleteTree(files.jobDirectory(id));
        signalPhaseChange();
        JobKind<?> kind = job == null ? null : kinds.get(job.kind());
        if (kind != null) {
            try {
                kind.destroyed(id);
            } catch (Exception e) {
                LOG.log(Level.WARNING, "Clean-up of destroyed job " + id + " failed", e);
            }
        }
    }

    /**
     * Sets EXECUTIONDURATION (seconds; 0 asks for unlimited) of a PENDING job. The service caps it at its limit.
     *
     * @return the duration in effect
     */
    public Duration setExecutionDuration(String kind, String id, String caller, String seconds)
            throws JobRequestException, ParameterException {
        get(kind, id, caller);
        Duration d = effectiveDuration(parseSeconds(seconds));
        try {
            if (!store.setExecutionDuration(id, d)) {
                throw new JobRequestException.WrongPhase("EXECUTIONDURATION can only be changed while the job is "
                        + "PENDING; job " + id + " is " + find(id).phase());
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return d;
    }

    /**
     * Sets DESTRUCTION (ISO-8601). The service keeps no job longer than the default destruction interval after
     * now; an earlier time is accepted as given.
     *
     * @return the destruction time in effect
     */
    public Instant setDestruction(String kind, String id, String caller, String isoTime)
            throws JobRequestException, ParameterException {
        get(kind, id, caller);
        Instant t = effectiveDestruction(parseInstant("DESTRUCTION", isoTime), clock.instant());
        try {
            store.setDestruction(id, t);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return t;
    }

    /** Adds or replaces parameters (and uploads) of a PENDING job, validating the result like a creation. */
    public JobRecord updateParameters(String kind, String id, String caller, JobParameters update,
                                      List<UploadedFile> uploads) throws JobRequestException, ParameterException {
        JobRecord job = get(kind, id, caller);
        if (job.phase() != ExecutionPhase.PENDING) {
            throw new JobRequestException.WrongPhase("Parameters can only be changed while the job is PENDING; job "
                    + id + " is " + job.phase());
        }
        JobParameters merged = job.parameters().updatedWith(update.without(CONTROL_PARAMETERS));
        Map<String, UploadedFile> allUploads = new LinkedHashMap<>(job.input().uploads());
        uploads.forEach(u -> allUploads.put(u.partName(), u));
        Duration estimate = estimate(requireKind(kind), new JobInput(merged, allUploads));
        try {
            List<UploadedFile> stored = moveUploads(id, uploads);
            if (!store.updatePending(id, merged, stored, estimate)) {
                throw new JobRequestException.WrongPhase("Job " + id + " left PENDING while its parameters were"
                        + " being changed");
            }
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("Cannot store parameters of job " + id + ": " + e.getMessage(), e);
        }
        return find(id);
    }

    // ---------------------------------------------------------------- reading

    /** The job, checked for kind and owner. */
    public JobRecord get(String kind, String id, String caller) throws JobRequestException {
        if (!JobIds.isWellFormed(id)) {
            throw new JobRequestException.NotFound(id);
        }
        JobRecord job = findQuietly(id);
        if (job == null || !job.kind().equals(kind)) {
            throw new JobRequestException.NotFound(id);
        }
        if (!job.accessibleTo(caller)) {
            throw new JobRequestException.Forbidden(id);
        }
        return job;
    }

    public List<JobRecord> list(JobFilter filter) {
        try {
            return store.list(filter);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot list jobs: " + e.getMessage(), e);
        }
    }

    /**
     * Blocking WAIT (UWS 1.1): returns when the job leaves its current phase or after {@code wait} (negative:
     * the service's longest wait). Returns at once when the job is not PENDING, QUEUED or EXECUTING, or when
     * {@code phase} is given and the job is in another phase.
     */
    public JobRecord await(String kind, String id, String caller, Duration wait, ExecutionPhase phase)
            throws JobRequestException {
        JobRecord job = get(kind, id, caller);
        if (!job.phase().isActive() || (phase != null && job.phase() != phase)) {
            return job;
        }
        Duration w = wait.isNegative() || wait.compareTo(limits.maxWait()) > 0 ? limits.maxWait() : wait;
        long deadline = System.nanoTime() + w.toNanos();
        ExecutionPhase initial = job.phase();
        while (true) {
            long version;
            synchronized (phaseMonitor) {
                version = phaseVersion;
            }
            JobRecord now = findQuietly(id);
            if (now == null) {
                throw new JobRequestException.NotFound(id);
            }
            if (now.phase() != initial) {
                return now;
            }
            synchronized (phaseMonitor) {
                while (phaseVersion == version) {
                    long remainingMs = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                    if (remainingMs <= 0) {
                        return now;
                    }
                    try {
                        // in a cluster another member may change the phase: look at the database every second
                        phaseMonitor.wait(coordination == null ? remainingMs : Math.min(remainingMs, 1000));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return now;
                    }
                    if (coordination != null) {
                        break;
                    }
                }
            }
        }
    }

    /**
     * The UWS quote: when the job is expected to complete. Executing jobs extrapolate their progress so far (the
     * kind's estimate before the first work unit ends); queued and pending ones add their estimate to the work
     * queued ahead of them shared among the workers; finished jobs give their end time; empty when unknown.
     */
    public Optional<Instant> quote(JobRecord job) {
        if (job.phase().isFinal()) {
            return Optional.ofNullable(job.endTime());
        }
        if (job.estimate() == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (job.phase() == ExecutionPhase.EXECUTING && job.startTime() != null) {
            Progress p = job.progress();
            Instant q;
            if (p.total() > 0 && p.done() > 0) {
                // extrapolate the rate measured so far: honest on a loaded machine too
                Duration elapsed = Duration.between(job.startTime(), now);
                q = job.startTime().plus(elapsed.multipliedBy(p.total()).dividedBy(p.done()));
            } else {
                q = job.startTime().plus(job.estimate());
            }
            return Optional.of(q.isBefore(now) ? now : q);
        }
        Duration ahead = Duration.ZERO;
        try {
            for (JobRecord other : store.active()) {
                // creation times can tie (stored at millisecond precision): a tie counts as ahead, the later quote
                boolean before = job.phase() == ExecutionPhase.PENDING
                        || !other.creationTime().isAfter(job.creationTime()) || other.phase() == ExecutionPhase.EXECUTING;
                if (!other.id().equals(job.id()) && before && other.estimate() != null) {
                    Duration remaining = other.estimate();
                    if (other.startTime() != null) {
                        remaining = remaining.minus(Duration.between(other.startTime(), now));
                    }
                    if (!remaining.isNegative()) {
                        ahead = ahead.plus(remaining);
                    }
                }
            }
        } catch (SQLException e) {
            return Optional.empty();
        }
        return Optional.of(now.plus(ahead.dividedBy(limits.workerThreads())).plus(job.estimate()));
    }

    /** The stored file of a result. */
    public Path resultFile(JobRecord job, String name) {
        return files.result(job.id(), name);
    }

    // ---------------------------------------------------------------- destruction

    /** Destroys every job whose destruction time has passed; returns how many. */
    public int reap() throws SQLException {
        List<String> expired = store.expired(clock.instant());
        for (String id : expired) {
            destroy(id);
            LOG.fine(() -> "Destroyed expired job " + id);
        }
        return expired.size();
    }

    private void reapQuietly() {
        try {
            reap();
        } catch (Exception e) {
            LOG.log(Level.WARNING, "Destroying expired jobs failed", e);
        }
    }

    /** Stops the workers; running jobs are told to stop and are recovered as interrupted at the next start. */
    @Override
    public void close() {
        closed = true;
        running.values().forEach(ex -> ex.stop("The service is shutting down"));
        timer.shutdownNow();
        workers.shutdown();
        try {
            if (!workers.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warning("Some jobs were still running at shutdown; they are set to ERROR at the next start");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---------------------------------------------------------------- execution

    private void acquireSlot() throws JobRequestException {
        if (closed) {
            throw new JobRequestException.Unavailable("The service is shutting down");
        }
        while (true) {
            int used = slotsInUse.get();
            if (used >= limits.queueLimit()) {
                throw new JobRequestException.QueueFull(limits.queueLimit());
            }
            if (slotsInUse.compareAndSet(used, used + 1)) {
                return;
            }
        }
    }

    /** Moves PENDING to QUEUED (the slot is already held) and hands the job to the workers. */
    private void enqueue(String id, boolean slotHeld) {
        if (slotHeld) {
            slotJobs.add(id);
        }
        if (coordination != null) {
            try {
                owners.set(id, coordination.selfId());
            } catch (SQLException e) {
                LOG.log(Level.SEVERE, "Cannot record this member as the owner of job " + id, e);
            }
        }
        if (transition(id, ExecutionPhase.PENDING, ExecutionPhase.QUEUED, null)) {
            workers.execute(() -> runJob(id));
        } else {
            releaseSlot(id);
        }
    }

    private void releaseSlot(String id) {
        if (slotJobs.remove(id)) {
            slotsInUse.decrementAndGet();
        }
    }

    private void runJob(String id) {
        if (closed || !transition(id, ExecutionPhase.QUEUED, ExecutionPhase.EXECUTING, null)) {
            releaseSlot(id); // another member took it, or it was aborted (then the slot is already released)
            return;
        }
        execute(id);
    }

    /** Runs a job that is EXECUTING (just started here, or taken over from a member that left the cluster). */
    private void execute(String id) {
        JobRecord job = findQuietly(id);
        if (job == null || job.phase() != ExecutionPhase.EXECUTING) {
            releaseSlot(id);
            return;
        }
        Instant deadline = job.executionDuration().isZero() ? null
                : job.startTime().plus(job.executionDuration());
        Execution ex = new Execution(job, deadline);
        running.put(id, ex);
        ScheduledFuture<?> timeout = deadline == null ? null : timer.schedule(() -> timeOut(ex),
                Math.max(0, Duration.between(clock.instant(), deadline).toMillis()), TimeUnit.MILLISECONDS);
        try {
            JobKind<?> kind = kinds.get(job.kind());
            if (kind == null) {
                throw new JobFailedException("This service no longer runs jobs of kind " + job.kind());
            }
            execute(kind, job.input(), ex);
            ex.storeProgress(true);
            transition(id, ExecutionPhase.EXECUTING, ExecutionPhase.COMPLETED, null);
        } catch (JobStoppedException e) {
            LOG.fine(() -> "Job " + id + " stopped: " + e.getMessage());
        } catch (ParameterException e) {
            fail(ex, ErrorSummary.fatal(e.getMessage()));
        } catch (JobFailedException e) {
            fail(ex, new ErrorSummary(e.type(), e.getMessage()));
        } catch (Throwable t) {
            if (!ex.stopRequested()) {
                LOG.log(Level.SEVERE, "Job " + id + " failed", t);
                fail(ex, ErrorSummary.fatal("Internal error while executing the job (" + t.getClass().getSimpleName()
                        + "). This is a fault of the service, not of the request; the service log has details for"
                        + " job " + id + "."));
            }
            if (t instanceof Error err && !(t instanceof OutOfMemoryError) && !(t instanceof StackOverflowError)) {
                throw err;
            }
        } finally {
            if (timeout != null) {
                timeout.cancel(false);
            }
            running.remove(id);
            JobFiles.deleteTree(files.work(id));
        }
    }

    private static <P> void execute(JobKind<P> kind, JobInput input, JobContext context) throws Exception {
        P parameters = kind.parse(input);
        context.checkpoint();
        kind.execute(parameters, context);
    }

    private void fail(Execution ex, ErrorSummary error) {
        ex.storeProgress(true);
        transition(ex.job.id(), ExecutionPhase.EXECUTING, ExecutionPhase.ERROR, error);
    }

    private void timeOut(Execution ex) {
        long s = ex.job.executionDuration().toSeconds();
        String message = "The job exceeded its execution duration of " + s + " s (EXECUTIONDURATION) and was"
                + " stopped. Ask for a longer EXECUTIONDURATION (at most " + limits.executionDurationLimit().toSeconds()
                + " s) or fewer draws.";
        if (transition(ex.job.id(), ExecutionPhase.EXECUTING, ExecutionPhase.ERROR, ErrorSummary.fatal(message))) {
            ex.stop(message);
        }
    }

    /** Compare-and-set of the phase; releases the queue slot when the job leaves QUEUED/EXECUTING. */
    private boolean transition(String id, ExecutionPhase from, ExecutionPhase to, ErrorSummary error) {
        boolean changed;
        try {
            changed = store.setPhase(id, from, to, clock.instant(), error);
        } catch (SQLException e) {
            LOG.log(Level.SEVERE, "Cannot change the phase of job " + id + " from " + from + " to " + to, e);
            return false;
        }
        if (changed) {
            if (from.holdsQueueSlot() && !to.holdsQueueSlot()) {
                releaseSlot(id);
            }
            signalPhaseChange();
        }
        return changed;
    }

    private void signalPhaseChange() {
        synchronized (phaseMonitor) {
            phaseVersion++;
            phaseMonitor.notifyAll();
        }
    }

    // ---------------------------------------------------------------- cluster

    /** Members starting together may race on CREATE TABLE IF NOT EXISTS (PostgreSQL): the loser tries again. */
    private void createSchemaAlongsideOthers() throws SQLException {
        for (int attempt = 1; ; attempt++) {
            try {
                store.createSchema();
                owners.createSchema();
                return;
            } catch (SQLException e) {
                if (attempt >= 3) {
                    throw e;
                }
                LOG.warning(() -> "Creating the job tables failed (" + e.getMessage() + "); trying again");
                try {
                    Thread.sleep(2000L * attempt);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private void startClustered() {
        deleteOldStaging();
        timer.scheduleWithFixedDelay(this::takeOverOrphansQuietly, 0, 5, TimeUnit.SECONDS);
        timer.scheduleWithFixedDelay(this::followRemoteChangesQuietly, 1, 1, TimeUnit.SECONDS);
        coordination.onMemberLeft(() -> {
            if (!closed) {
                try {
                    timer.execute(this::takeOverOrphansQuietly);
                } catch (java.util.concurrent.RejectedExecutionException e) {
                    // closed meanwhile: nothing to take over
                }
            }
        });
        long every = limits.reaperInterval().toMillis();
        timer.scheduleWithFixedDelay(this::reapQuietly, every, every, TimeUnit.MILLISECONDS);
        LOG.info(() -> "Job manager started as cluster member " + coordination.selfId());
    }

    /** Other members may be receiving uploads into the shared staging directory: remove only old leftovers. */
    private void deleteOldStaging() {
        Path staging = files.root().resolve(".staging");
        if (!Files.isDirectory(staging)) {
            return;
        }
        Instant old = clock.instant().minus(Duration.ofHours(6));
        try (var dirs = Files.list(staging)) {
            for (Path d : dirs.toList()) {
                if (Files.getLastModifiedTime(d).toInstant().isBefore(old)) {
                    JobFiles.deleteTree(d);
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "Cannot clean " + staging, e);
        }
    }

    /**
     * Takes over QUEUED and EXECUTING jobs whose owner is not a live member (it died, or left while they ran): one
     * member wins the compare-and-set on the owner and queues the job again or runs it again from its start (a
     * classification reuses the units the cluster already finished).
     */
    private void takeOverOrphansQuietly() {
        if (closed) {
            return;
        }
        try {
            for (JobRecord job : store.active()) {
                String id = job.id();
                if (slotJobs.contains(id) || running.containsKey(id)) {
                    continue;
                }
                String owner = owners.owner(id).orElse(null);
                if (owner != null && (owner.equals(coordination.selfId()) || coordination.isLive(owner))) {
                    continue;
                }
                if (!owners.takeOver(id, owner, coordination.selfId())) {
                    continue;
                }
                slotsInUse.incrementAndGet();
                slotJobs.add(id);
                if (job.phase() == ExecutionPhase.QUEUED) {
                    workers.execute(() -> runJob(id));
                } else {
                    workers.execute(() -> execute(id));
                }
                LOG.warning(() -> "Job " + id + " (" + job.phase() + ") was owned by " + (owner == null ? "no member"
                        : "member " + owner) + ", which is not in the cluster; this member takes it over");
            }
        } catch (Exception e) {
            LOG.log(Level.WARNING, "Looking for jobs of departed members failed", e);
        }
    }

    /**
     * Applies what other members did to this member's jobs: an ABORT, timeout or deletion received elsewhere stops
     * the local execution, and slots of jobs that left QUEUED/EXECUTING elsewhere are released.
     */
    private void followRemoteChangesQuietly() {
        for (String id : List.copyOf(slotJobs)) {
            try {
                Optional<JobRecord> job = store.find(id);
                String owner = job.isPresent() ? owners.owner(id).orElse(null) : null;
                boolean mine = job.isPresent() && job.get().phase().holdsQueueSlot()
                        && coordination.selfId().equals(owner);
                Execution ex = running.get(id);
                if (!mine) {
                    if (ex != null) {
                        ex.stop(job.isEmpty() ? "The job was destroyed"
                                : job.get().phase().holdsQueueSlot() ? "Another cluster member took the job over"
                                : "The job was stopped on another cluster member (" + job.get().phase() + ")");
                    } else {
                        releaseSlot(id);
                    }
                }
            } catch (Exception e) {
                LOG.log(Level.FINE, "Cannot check job " + id, e);
            }
        }
    }

    /** The job, without kind or owner checks (for the cluster layer), or empty. */
    public Optional<JobRecord> lookup(String id) {
        return Optional.ofNullable(JobIds.isWellFormed(id) ? findQuietly(id) : null);
    }

    /** Whether this JobManager shares jobs with other members. */
    public boolean clustered() {
        return coordination != null;
    }

    // ---------------------------------------------------------------- helpers

    private JobKind<?> requireKind(String kind) {
        JobKind<?> k = kinds.get(kind);
        if (k == null) {
            throw new IllegalArgumentException("No job kind " + kind + " is registered");
        }
        return k;
    }

    private JobRecord find(String id) {
        JobRecord job = findQuietly(id);
        if (job == null) {
            throw new IllegalStateException("Job " + id + " vanished");
        }
        return job;
    }

    private JobRecord findQuietly(String id) {
        try {
            JobRecord job = store.find(id).orElse(null);
            Execution ex = job == null ? null : running.get(id);
            if (ex != null && job.phase() == ExecutionPhase.EXECUTING) {
                Progress p = ex.progress;
                return new JobRecord(job.id(), job.kind(), job.runId(), job.ownerId(), job.phase(),
                        job.creationTime(), job.startTime(), job.endTime(), job.executionDuration(),
                        job.destruction(), job.estimate(), job.error(), p, job.parameters(), job.uploads(),
                        job.results());
            }
            return job;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read job " + id + ": " + e.getMessage(), e);
        }
    }

    private Duration effectiveDuration(long seconds) {
        if (seconds <= 0 || seconds > limits.executionDurationLimit().toSeconds()) {
            return limits.executionDurationLimit();
        }
        return Duration.ofSeconds(seconds);
    }

    private Instant effectiveDestruction(Instant requested, Instant now) {
        Instant latest = now.plus(limits.destructionDefault());
        return requested.isAfter(latest) ? latest : requested;
    }

    private long parseSeconds(String value) throws ParameterException {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new ParameterException("EXECUTIONDURATION", value, "a whole number of seconds (0 or more than "
                    + limits.executionDurationLimit().toSeconds() + " means the limit, "
                    + limits.executionDurationLimit().toSeconds() + " s)");
        }
    }

    /** ISO-8601 instant; a time without zone is taken as UTC. */
    static Instant parseInstant(String parameter, String value) throws ParameterException {
        String v = value.trim();
        try {
            return Instant.parse(v);
        } catch (DateTimeParseException e) {
            try {
                return java.time.LocalDateTime.parse(v).toInstant(java.time.ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                try {
                    return java.time.OffsetDateTime.parse(v).toInstant();
                } catch (DateTimeParseException e3) {
                    throw new ParameterException(parameter, value,
                            "an ISO-8601 time such as 2026-12-01T12:00:00Z");
                }
            }
        }
    }

    private static Map<String, UploadedFile> byPart(List<UploadedFile> uploads) {
        Map<String, UploadedFile> m = new LinkedHashMap<>();
        uploads.forEach(u -> m.put(u.partName(), u));
        return m;
    }

    private List<UploadedFile> moveUploads(String id, List<UploadedFile> uploads) throws IOException {
        List<UploadedFile> stored = new ArrayList<>();
        for (UploadedFile u : uploads) {
            Path target = files.upload(id, u.partName());
            Files.createDirectories(target.getParent());
            Files.move(u.path(), target, StandardCopyOption.REPLACE_EXISTING);
            stored.add(new UploadedFile(u.partName(), u.fileName(), u.contentType(), target, u.size()));
        }
        return stored;
    }

    /** One execution of a job: its context, stop flag and progress. */
    private final class Execution implements JobContext {
        private final JobRecord job;
        private final Instant deadline;
        private volatile String stopReason;
        private volatile Progress progress;
        private volatile long progressStoredAt;
        private final List<Runnable> stopActions = new java.util.concurrent.CopyOnWriteArrayList<>();

        Execution(JobRecord job, Instant deadline) {
            this.job = job;
            this.deadline = deadline;
            this.progress = job.progress();
        }

        void stop(String reason) {
            stopReason = reason;
            for (Runnable action : stopActions) {
                runStopAction(action);
            }
        }

        @Override
        public void onStop(Runnable action) {
            stopActions.add(action);
            if (stopRequested()) {
                runStopAction(action);
            }
        }

        private void runStopAction(Runnable action) {
            try {
                action.run();
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "A stop action of job " + job.id() + " failed", e);
            }
        }

        @Override
        public String jobId() {
            return job.id();
        }

        @Override
        public Optional<String> ownerId() {
            return Optional.ofNullable(job.ownerId());
        }

        @Override
        public JobInput input() {
            return job.input();
        }

        @Override
        public Path workDirectory() throws IOException {
            Path w = files.work(job.id());
            Files.createDirectories(w);
            return w;
        }

        @Override
        public void progress(long done, long total) {
            progress = new Progress(Math.max(0, done), Math.max(0, total));
            storeProgress(false);
            checkpoint();
        }

        void storeProgress(boolean force) {
            long now = System.currentTimeMillis();
            if (force || now - progressStoredAt >= PROGRESS_STORE_INTERVAL_MS) {
                progressStoredAt = now;
                try {
                    store.setProgress(job.id(), progress);
                } catch (SQLException e) {
                    LOG.log(Level.WARNING, "Cannot store progress of job " + job.id(), e);
                }
            }
        }

        @Override
        public void checkpoint() {
            String reason = stopReason;
            if (reason != null) {
                throw new JobStoppedException(reason);
            }
            if (closed) {
                throw new JobStoppedException("The service is shutting down");
            }
        }

        @Override
        public boolean stopRequested() {
            return stopReason != null || closed;
        }

        @Override
        public Optional<Instant> deadline() {
            return Optional.ofNullable(deadline);
        }

        @Override
        public OutputStream openResult(String name, String mimeType) throws IOException {
            checkpoint();
            Path path = files.result(job.id(), name);
            Files.createDirectories(path.getParent());
            OutputStream out = Files.newOutputStream(path);
            return new FilterOutputStream(out) {
                private long size;
                private boolean closedStream;

                @Override
                public void write(int b) throws IOException {
                    out.write(b);
                    size++;
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                    size += len;
                }

                @Override
                public void close() throws IOException {
                    if (closedStream) {
                        return;
                    }
                    closedStream = true;
                    super.close();
                    if (!stopRequested()) {
                        try {
                            store.addResult(job.id(), new ResultInfo(name, mimeType, size));
                        } catch (SQLException e) {
                            throw new IOException("Cannot record result " + name + ": " + e.getMessage(), e);
                        }
                    }
                }
            };
        }
    }
}
