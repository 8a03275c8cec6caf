package org.muwclass.service.uws;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.muwclass.service.config.QuotaSettings;
import org.muwclass.service.config.WaitSettings;
import org.muwclass.service.dali.DaliParameters;
import org.muwclass.service.dali.UploadedFile;

/**
 * The facade the UWS resources use: creation, phase changes, reading, WAIT, destruction, and running jobs of every
 * registered {@link JobKind}. The parts with one job each live beside it: {@link JobSlots} (the bounded queue),
 * {@link JobPhases} (compare-and-set phase changes), {@link JobRunner} (the worker pool running jobs),
 * {@link JobExecution} (one running job's context and stop actions), {@link JobQuotas} (per-client and global
 * limits), {@link JobWaiters} (WAIT without a thread per waiter), {@link JobRecovery} (restart rules and sweeps),
 * {@link JobTimes} (EXECUTIONDURATION and DESTRUCTION rules), {@link JobQuote} (the UWS quote) and
 * {@link JobEstimates} (estimates needing the expensive read, in the background).
 *
 * <p>Stopping: ABORT, the execution duration and destruction change the phase at once, run the job's
 * {@link JobContext#onStop} actions (e.g. {@code Statement::cancel}) and make its next
 * {@link JobContext#checkpoint()} throw. Threads are never interrupted, because an interrupt during file I/O can
 * close the embedded database's files. Destruction then waits (at most {@link WaitSettings#stopGrace()}) for the
 * job's thread to leave before removing row, files and published rows.
 *
 * <p>Why about 800 lines after the split: it is the one facade of the UWS API (create, 9 setters, phase, read, list,
 * WAIT, delete, results), and each operation's owner check, quota, phase rule and store call must happen in one
 * place in one order; the machinery behind them lives in the classes above.
 *
 * <p>Every method taking {@code kind} and {@code caller} checks that the job is of that kind (else not found) and
 * that an owned job belongs to the caller (else forbidden).
 */
public final class JobManager implements AutoCloseable {

    /** Parameters the machinery handles itself; the rest go to the job kind. */
    public static final Set<String> CONTROL_PARAMETERS = Set.of("PHASE", "RUNID", "EXECUTIONDURATION",
            "DESTRUCTION", "ACTION", "WAIT");

    private static final Logger LOG = Logger.getLogger(JobManager.class.getName());

    private final JobStore store;
    private final JobFiles files;
    private final Map<String, JobKind<?>> kinds = new LinkedHashMap<>();
    private final JobLimits limits;
    private final Clock clock;
    private final ScheduledExecutorService timer;
    private final ExecutorService notifier;
    private final JobSlots slots;
    private final JobCoordination coordination;
    private final JobOwners owners;
    private final JobQuotas quotas;
    private final WaitSettings waitSettings;
    private final JobWaiters waiters;
    private final JobRecovery recovery;
    private final JobTimes times;
    private final JobQuote quotes;
    private final JobEstimates estimates;
    private final JobPhases phases;
    private final JobRunner runner;
    private volatile boolean closed;

    public JobManager(JobStore store, JobFiles files, Collection<? extends JobKind<?>> jobKinds, JobLimits limits,
                      Clock clock) {
        this(store, files, jobKinds, limits, clock, null, null);
    }

    /** Without quotas, with WAIT capped at {@link JobLimits#maxWait()} (embedded uses and tests). */
    public JobManager(JobStore store, JobFiles files, Collection<? extends JobKind<?>> jobKinds, JobLimits limits,
                      Clock clock, JobCoordination coordination, JobOwners owners) {
        this(store, files, jobKinds, limits, clock, coordination, owners, QuotaSettings.UNLIMITED,
                new WaitSettings(limits.maxWait(), WaitSettings.DEFAULT.maxWaiters(),
                        WaitSettings.DEFAULT.stopGrace()));
    }

    /**
     * @param coordination cluster membership when several instances share the database, else null
     * @param owners       the job owner table (required with {@code coordination})
     * @param quotaSettings per-client and global limits
     * @param waitSettings  WAIT cap, waiter cap and the grace given to a destroyed job's thread
     */
    public JobManager(JobStore store, JobFiles files, Collection<? extends JobKind<?>> jobKinds, JobLimits limits,
                      Clock clock, JobCoordination coordination, JobOwners owners, QuotaSettings quotaSettings,
                      WaitSettings waitSettings) {
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
        this.timer = Executors.newSingleThreadScheduledExecutor(daemonThreads("uws-timer"));
        this.notifier = Executors.newFixedThreadPool(4, daemonThreads("uws-wait"));
        this.slots = new JobSlots(limits.queueLimit());
        this.quotas = new JobQuotas(Objects.requireNonNull(quotaSettings, "quotaSettings"), store);
        this.waitSettings = Objects.requireNonNull(waitSettings, "waitSettings");
        this.waiters = new JobWaiters(waitSettings.maxWaiters(), timer, notifier, this::findQuietly);
        this.recovery = new JobRecovery(store, files, kinds, clock);
        this.times = new JobTimes(limits);
        this.quotes = new JobQuote(store, clock, limits.workerThreads(), job -> {
            JobKind<?> k = kinds.get(job.kind());
            return k == null ? 1.0 : k.quoteSpeedFactor();
        });
        this.estimates = new JobEstimates(store, kinds, this::findQuietly);
        this.phases = new JobPhases(store, slots, waiters, clock);
        this.runner = new JobRunner(store, files, kinds, limits, clock, timer, slots, phases, recovery,
                this::findQuietly, () -> closed, daemonThreads("uws-worker"));
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** Creates the tables, recovers jobs of a previous process, sweeps crash leftovers and starts the reaper. */
    public void start() throws SQLException {
        if (coordination != null) {
            createSchemaAlongsideOthers();
            recovery.sweep(JobRecovery.CLUSTER_LEFTOVER_AGE);
            startClustered();
            return;
        }
        store.createSchema();
        List<String> queued = recovery.recoverJobs();
        recovery.sweep(Duration.ZERO);
        for (String id : queued) {
            slots.force(id);
            runner.submitQueued(id);
            LOG.info(() -> "Job " + id + " was queued when the service stopped; queued again");
        }
        long every = limits.reaperInterval().toMillis();
        timer.scheduleWithFixedDelay(this::reapQuietly, every, every, TimeUnit.MILLISECONDS);
    }

    public JobLimits limits() {
        return limits;
    }

    public QuotaSettings quotaSettings() {
        return quotas.settings();
    }

    public WaitSettings waitSettings() {
        return waitSettings;
    }

    public JobFiles files() {
        return files;
    }

    public boolean hasKind(String kind) {
        return kinds.containsKey(kind);
    }

    /** Queue slots held on this member now (QUEUED and EXECUTING jobs, and reservations in progress). */
    int slotsInUse() {
        return slots.inUse();
    }

    /** WAIT requests held now. */
    public int waitersHeld() {
        return waiters.size();
    }

    // ---------------------------------------------------------------- creation and changes

    /**
     * Creates a job. {@code parameters} may include the UWS control parameters PHASE=RUN, RUNID, EXECUTIONDURATION
     * (seconds) and DESTRUCTION (ISO-8601); the others are checked by the job kind's cheap
     * {@link JobKind#validate}. Uploaded files are moved into the job directory. The job counts against
     * {@code caller}'s quotas.
     *
     * @throws ParameterException            a parameter is invalid (nothing is created)
     * @throws JobRequestException.QueueFull PHASE=RUN was asked and the queue is full (nothing is created)
     * @throws JobRequestException.QuotaExceeded        the caller holds its limit of jobs (HTTP 429)
     * @throws JobRequestException.StorageQuotaExceeded the uploads exceed the caller's byte quota (HTTP 413)
     * @throws JobRequestException.ServiceFull          the service holds its global limit (HTTP 503)
     */
    public JobRecord create(String kind, Caller caller, DaliParameters parameters, List<UploadedFile> uploads)
            throws ParameterException, JobRequestException {
        return create(kind, caller.owner(), caller.quotaKey(), parameters, uploads, null);
    }

    /**
     * Creates a job the service submits itself (e.g. the demo-field classifications published at first start),
     * destroyed at {@code destruction}: unlike a client's DESTRUCTION, it is not capped by the default job lifetime,
     * so the job (and rows it published, which its destruction withdraws) can be kept for good. No client quota
     * applies; the global ones do.
     */
    public JobRecord createForService(String kind, String owner, DaliParameters parameters, List<UploadedFile> uploads,
                                      Instant destruction) throws ParameterException, JobRequestException {
        return create(kind, owner, null, parameters, uploads, Objects.requireNonNull(destruction, "destruction"));
    }

    private JobRecord create(String kind, String owner, String quotaKey, DaliParameters parameters,
                             List<UploadedFile> uploads, Instant fixedDestruction)
            throws ParameterException, JobRequestException {
        JobKind<?> jobKind = requireKind(kind);
        Optional<String> phase = parameters.get("PHASE");
        if (phase.isPresent() && !phase.get().trim().equalsIgnoreCase("RUN")) {
            throw new ParameterException("PHASE", phase.get(), "RUN (or no PHASE) when creating a job");
        }
        boolean run = phase.isPresent();
        String runId = parameters.get("RUNID").orElse(null);
        Instant now = clock.instant();
        Duration duration = parameters.get("EXECUTIONDURATION").isPresent()
                ? times.duration(parameters.get("EXECUTIONDURATION").get())
                : limits.executionDurationDefault();
        Instant destruction = fixedDestruction != null ? fixedDestruction
                : parameters.get("DESTRUCTION").isPresent()
                ? times.destruction(parameters.get("DESTRUCTION").get(), now, null)
                : now.plus(limits.destructionDefault());
        DaliParameters kindParameters = parameters.without(CONTROL_PARAMETERS);
        quotas.checkParameterCount(kindParameters.asList().size());
        checkPartNames(uploads);
        Duration estimate = jobKind.validate(new JobInput(kindParameters, byPart(uploads))).orElse(null);
        if (estimate != null && jobKind.quoteMustFitDuration()) { // known now: checked now, else at start
            String refusal = limits.quoteLimits().refusal(estimate, duration, kindParameters).orElse(null);
            if (refusal != null) {
                throw new ParameterException("EXECUTIONDURATION", refusal);
            }
            duration = limits.quoteLimits().allowed(estimate, duration);
        }
        long bytes = uploads.stream().mapToLong(UploadedFile::size).sum();
        // a single instance stores a PHASE=RUN job as QUEUED at once: no crash can leave it PENDING
        boolean queuedAtInsert = run && coordination == null;
        String id = JobIds.newId();
        synchronized (quotas.lock(quotaKey)) {
            quotas.checkCreate(quotaKey, run, bytes);
            if (run) {
                reserveSlot();
            }
            if (queuedAtInsert) {
                slots.bind(id);
            }
            try {
                List<UploadedFile> stored = moveUploads(id, uploads);
                store.insert(new JobRecord(id, kind, runId, owner, queuedAtInsert ? ExecutionPhase.QUEUED
                        : ExecutionPhase.PENDING, now, null, null, duration, destruction, estimate, null,
                        Progress.NONE, kindParameters, stored, List.of()), quotaKey);
            } catch (IOException | SQLException | RuntimeException e) {
                if (queuedAtInsert) {
                    slots.release(id);
                } else if (run) {
                    slots.cancel();
                }
                JobFiles.deleteTree(files.jobDirectory(id));
                throw new IllegalStateException("Cannot store the new job: " + e.getMessage(), e);
            }
            if (run && !queuedAtInsert) {
                enqueueReserved(id);
            }
        }
        if (queuedAtInsert) {
            runner.submitQueued(id);
        } else if (!run && estimate == null) {
            estimates.request(id);
        }
        LOG.fine(() -> "Created " + kind + " job " + id + (run ? " (queued)" : ""));
        return find(id);
    }

    /** PHASE=RUN: queues a PENDING job. Jobs already queued, executing or finished are left as they are. */
    public void run(String kind, String id, String caller) throws JobRequestException {
        JobRecord job = get(kind, id, caller);
        if (job.phase() != ExecutionPhase.PENDING) {
            return;
        }
        String key = quotaKeyOf(id);
        synchronized (quotas.lock(key)) {
            quotas.checkActive(key);
            reserveSlot();
            enqueueReserved(id);
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
            if (phases.transition(id, job.phase(), ExecutionPhase.ABORTED, null)) {
                JobExecution ex = runner.execution(id);
                if (ex != null) {
                    ex.stop(why.message());
                }
                return;
            }
        }
    }

    /** DELETE or ACTION=DELETE: stops the job if needed and removes it, its files and what it published. */
    public void delete(String kind, String id, String caller) throws JobRequestException {
        get(kind, id, caller);
        destroy(id);
    }

    private void destroy(String id) {
        JobExecution ex = runner.execution(id);
        if (ex != null) {
            ex.destroyed("The job was destroyed"); // stop actions (SQL cancel) run now
        }
        abort(id, ErrorSummary.fatal("The job was destroyed"));
        if (ex != null && !ex.awaitLeft(waitSettings.stopGrace())) {
            LOG.warning(() -> "Job " + id + " did not stop within " + waitSettings.stopGrace().toSeconds()
                    + " s of its destruction; its files are removed again when its thread leaves");
        }
        JobRecord job = findQuietly(id);
        try {
            store.delete(id);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot delete job " + id + ": " + e.getMessage(), e);
        }
        JobFiles.deleteTree(files.jobDirectory(id));
        waiters.changed(id);
        if (job != null) {
            recovery.destroyed(job.kind(), id);
        }
    }

    /**
     * Sets EXECUTIONDURATION (seconds) of a PENDING job; 0 ("unlimited") and values above the limit get the limit.
     *
     * @return the duration in effect
     */
    public Duration setExecutionDuration(String kind, String id, String caller, String seconds)
            throws JobRequestException, ParameterException {
        get(kind, id, caller);
        Duration d = times.duration(seconds);
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
     * Sets DESTRUCTION (ISO-8601). No client job is kept longer than the default lifetime after its creation,
     * however often DESTRUCTION is posted; an earlier time is accepted as given.
     *
     * @return the destruction time in effect
     */
    public Instant setDestruction(String kind, String id, String caller, String isoTime)
            throws JobRequestException, ParameterException {
        JobRecord job = get(kind, id, caller);
        Instant t = times.destruction(isoTime, job.creationTime(), job.destruction());
        try {
            store.setDestruction(id, t);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return t;
    }

    /** Adds or replaces parameters (and uploads) of a PENDING job, validating the result like a creation. */
    public JobRecord updateParameters(String kind, String id, String caller, DaliParameters update,
                                      List<UploadedFile> uploads) throws JobRequestException, ParameterException {
        JobRecord job = get(kind, id, caller);
        if (job.phase() != ExecutionPhase.PENDING) {
            throw new JobRequestException.WrongPhase("Parameters can only be changed while the job is PENDING; job "
                    + id + " is " + job.phase());
        }
        DaliParameters merged = job.parameters().updatedWith(update.without(CONTROL_PARAMETERS));
        quotas.checkParameterCount(merged.asList().size());
        checkPartNames(uploads);
        Map<String, UploadedFile> allUploads = new LinkedHashMap<>(job.input().uploads());
        uploads.forEach(u -> allUploads.put(u.partName(), u));
        Duration estimate = requireKind(kind).validate(new JobInput(merged, allUploads)).orElse(null);
        long bytes = uploads.stream().mapToLong(UploadedFile::size).sum();
        String key = quotaKeyOf(id);
        synchronized (quotas.lock(key)) {
            quotas.checkBytes(key, bytes);
            try {
                List<UploadedFile> stored = moveUploads(id, uploads);
                if (!store.updatePending(id, merged, stored, estimate)) {
                    throw new JobRequestException.WrongPhase("Job " + id + " left PENDING while its parameters were"
                            + " being changed");
                }
            } catch (IOException | SQLException e) {
                throw new IllegalStateException("Cannot store parameters of job " + id + ": " + e.getMessage(), e);
            }
        }
        if (estimate == null) {
            estimates.request(id);
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
     * Blocking WAIT in the calling thread, for the service's own callers and tests (HTTP requests use
     * {@link #awaitAsync} so that no request thread waits). Unlike a request's WAIT it also blocks on a PENDING job
     * (which only another request can change) and is not subject to the waiter cap, so a caller looping on it
     * does not spin.
     */
    public JobRecord await(String kind, String id, String caller, Duration wait, ExecutionPhase phase)
            throws JobRequestException {
        CompletableFuture<JobRecord> f = await(kind, id, caller, wait, phase, false);
        try {
            JobRecord job = f.get();
            if (job == null) {
                throw new JobRequestException.NotFound(id);
            }
            return job;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return get(kind, id, caller);
        } catch (ExecutionException e) {
            throw new IllegalStateException("WAIT on job " + id + " failed: " + e.getCause(), e.getCause());
        }
    }

    /**
     * A request's WAIT (UWS 1.1) without holding a thread: the future completes when the job leaves its current
     * phase, when {@code wait} runs out (negative or above {@link WaitSettings#maxWait()}: that cap), or at once
     * when the job is PENDING (it cannot change by itself), finished, in another phase than {@code phase} (if
     * given), or when {@link WaitSettings#maxWaiters()} requests are already waiting (UWS allows returning early).
     * The future's value is null when the job was destroyed meanwhile.
     */
    public CompletableFuture<JobRecord> awaitAsync(String kind, String id, String caller, Duration wait,
                                                   ExecutionPhase phase) throws JobRequestException {
        return await(kind, id, caller, wait, phase, true);
    }

    private CompletableFuture<JobRecord> await(String kind, String id, String caller, Duration wait,
                                               ExecutionPhase phase, boolean request) throws JobRequestException {
        JobRecord job = get(kind, id, caller);
        boolean blocks = request ? job.phase().holdsQueueSlot() : job.phase().isActive();
        if (!blocks || (phase != null && job.phase() != phase)) {
            return CompletableFuture.completedFuture(job);
        }
        Duration max = request ? waitSettings.maxWait() : limits.maxWait();
        Duration w = wait.isNegative() || wait.compareTo(max) > 0 ? max : wait;
        if (w.isZero() || closed) {
            return CompletableFuture.completedFuture(job);
        }
        Optional<CompletableFuture<JobRecord>> f = waiters.register(id, job.phase(), w, request);
        if (f.isEmpty()) {
            return CompletableFuture.completedFuture(job);
        }
        JobRecord again = findQuietly(id); // the phase may have changed before the waiter was registered
        if (again == null || again.phase() != job.phase()) {
            waiters.changed(id);
        }
        return f.get();
    }

    /**
     * The UWS quote: when the job is expected to complete; empty when unknown (e.g. a classification whose input
     * is read only when it starts).
     */
    public Optional<Instant> quote(JobRecord job) {
        return quotes.quote(job);
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
        runner.executions().forEach(ex -> ex.stop("The service is shutting down"));
        timer.shutdownNow();
        estimates.close();
        waiters.releaseAll();
        notifier.shutdown();
        try {
            if (!runner.shutdown(Duration.ofSeconds(5))) {
                LOG.warning("Some jobs were still running at shutdown; they are set to ERROR at the next start");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---------------------------------------------------------------- execution

    private void reserveSlot() throws JobRequestException {
        if (closed) {
            throw new JobRequestException.Unavailable("The service is shutting down");
        }
        if (!slots.reserve()) {
            throw new JobRequestException.QueueFull(limits.queueLimit());
        }
    }

    /**
     * Moves PENDING to QUEUED with a reserved slot and hands the job to the workers. Of concurrent callers for one
     * job only the one that binds the slot goes on; the others return their reservation (review H4).
     */
    private void enqueueReserved(String id) {
        if (!slots.bind(id)) {
            slots.cancel();
            return;
        }
        if (coordination != null) {
            try {
                owners.set(id, coordination.selfId());
            } catch (SQLException e) {
                LOG.log(Level.SEVERE, "Cannot record this member as the owner of job " + id, e);
            }
        }
        if (phases.transition(id, ExecutionPhase.PENDING, ExecutionPhase.QUEUED, null)) {
            runner.submitQueued(id);
        } else {
            slots.release(id);
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
        timer.scheduleWithFixedDelay(this::takeOverOrphansQuietly, 0, 5, TimeUnit.SECONDS);
        timer.scheduleWithFixedDelay(this::followRemoteChangesQuietly, 1, 1, TimeUnit.SECONDS);
        // other members change phases this member's waiters see: look once a second per waited-on job
        timer.scheduleWithFixedDelay(() -> waiters.jobIds().forEach(this::changedQuietly), 1, 1, TimeUnit.SECONDS);
        coordination.onMemberLeft(() -> {
            if (!closed) {
                try {
                    timer.execute(this::takeOverOrphansQuietly);
                } catch (RejectedExecutionException e) {
                    // closed meanwhile: nothing to take over
                }
            }
        });
        long every = limits.reaperInterval().toMillis();
        timer.scheduleWithFixedDelay(this::reapQuietly, every, every, TimeUnit.MILLISECONDS);
        LOG.info(() -> "Job manager started as cluster member " + coordination.selfId());
    }

    private void changedQuietly(String id) {
        try {
            waiters.changed(id);
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Cannot look at job " + id + " for its waiters", e);
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
                if (slots.holds(id) || runner.execution(id) != null) {
                    continue;
                }
                String owner = owners.owner(id).orElse(null);
                if (owner != null && (owner.equals(coordination.selfId()) || coordination.isLive(owner))) {
                    continue;
                }
                if (!owners.takeOver(id, owner, coordination.selfId())) {
                    continue;
                }
                slots.force(id);
                if (job.phase() == ExecutionPhase.QUEUED) {
                    runner.submitQueued(id);
                } else {
                    runner.submitExecuting(id);
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
        for (String id : slots.ids()) {
            try {
                Optional<JobRecord> job = store.find(id);
                String owner = job.isPresent() ? owners.owner(id).orElse(null) : null;
                boolean mine = job.isPresent() && job.get().phase().holdsQueueSlot()
                        && coordination.selfId().equals(owner);
                JobExecution ex = runner.execution(id);
                if (!mine) {
                    if (ex != null) {
                        String why = job.isEmpty() ? "The job was destroyed"
                                : job.get().phase().holdsQueueSlot() ? "Another cluster member took the job over"
                                : "The job was stopped on another cluster member (" + job.get().phase() + ")";
                        if (job.isEmpty()) {
                            ex.destroyed(why);
                        } else {
                            ex.stop(why);
                        }
                    } else {
                        slots.release(id);
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

    private String quotaKeyOf(String id) {
        try {
            return store.quotaKey(id).orElse(null);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read job " + id + ": " + e.getMessage(), e);
        }
    }

    private JobRecord find(String id) {
        JobRecord job = findQuietly(id);
        if (job == null) {
            throw new IllegalStateException("Job " + id + " vanished");
        }
        return job;
    }

    /** The stored job with the live progress of a running execution, or null. */
    private JobRecord findQuietly(String id) {
        try {
            JobRecord job = store.find(id).orElse(null);
            JobExecution ex = job == null ? null : runner.execution(id);
            if (ex != null && job.phase() == ExecutionPhase.EXECUTING) {
                Progress p = ex.currentProgress();
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

    private static void checkPartNames(List<UploadedFile> uploads) throws ParameterException {
        for (UploadedFile u : uploads) {
            if (!JobFiles.isStorableName(u.partName())) {
                throw new ParameterException(u.partName(), "upload part names may use up to 100 letters, digits,"
                        + " '.', '_' or '-'");
            }
        }
    }

    /** ISO-8601 instant; a time without zone is taken as UTC. */
    static Instant parseInstant(String parameter, String value) throws ParameterException {
        return JobTimes.parseInstant(parameter, value);
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
            // the checksum of the bytes as received; a multipart part has it already, files made in code do not
            String sha256 = u.sha256() != null ? u.sha256() : org.muwclass.tables.Checksums.sha256(u.path());
            Files.createDirectories(target.getParent());
            Files.move(u.path(), target, StandardCopyOption.REPLACE_EXISTING);
            stored.add(new UploadedFile(u.partName(), u.fileName(), u.contentType(), target, u.size(), sha256));
        }
        return stored;
    }
}
