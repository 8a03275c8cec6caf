package org.muwclass.service.uws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.muwclass.service.dali.DaliParameters;

/** Two job managers sharing one database and one job directory, as cluster members do. */
class JobManagerClusterTest {

    private static final org.muwclass.service.uws.Caller ANON =
            org.muwclass.service.uws.Caller.anonymous("127.0.0.1");


    private static final String KIND = "count";
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private final FakeCluster cluster = new FakeCluster();
    private final List<JobManager> managers = new ArrayList<>();
    private JdbcConnectionPool pool;

    private JobManager member(String id) throws Exception {
        if (pool == null) {
            pool = JdbcConnectionPool.create("jdbc:h2:file:" + dir.resolve("db/uws") + ";DATABASE_TO_LOWER=TRUE",
                    "sa", "");
        }
        cluster.live.add(id);
        JobFiles files = new JobFiles(dir.resolve("jobs"));
        JobManager m = new JobManager(new JobStore(pool, files), files, List.of(new CountingJobKind()),
                new JobLimits(1, 2, Duration.ofSeconds(3600), Duration.ofSeconds(7200), Duration.ofDays(7),
                        Duration.ofSeconds(30), Duration.ofSeconds(3600)), Clock.systemUTC(),
                cluster.as(id), new JobOwners(pool));
        m.start();
        managers.add(m);
        return m;
    }

    @AfterEach
    void stop() {
        managers.forEach(JobManager::close);
        if (pool != null) {
            pool.dispose();
        }
    }

    private static JobRecord executing(JobManager m, JobRecord job) throws Exception {
        JobRecord j = job;
        for (int i = 0; i < 3 && j.phase() != ExecutionPhase.EXECUTING; i++) {
            j = m.await(KIND, j.id(), null, WAIT, j.phase());
        }
        assertEquals(ExecutionPhase.EXECUTING, j.phase());
        return j;
    }

    private static JobRecord end(JobManager m, JobRecord job) throws Exception {
        JobRecord j = job;
        long until = System.currentTimeMillis() + WAIT.toMillis();
        while (j.phase().isActive() && System.currentTimeMillis() < until) {
            j = m.await(KIND, j.id(), null, WAIT, null);
        }
        return j;
    }

    @Test
    void aJobOfAMemberThatLeftIsTakenOverAndCompletedByAnother() throws Exception {
        JobManager a = member("A");
        JobManager b = member("B");
        JobRecord job = executing(a, a.create(KIND, ANON,
                DaliParameters.of("PHASE", "RUN", "UNITS", "40", "MS", "50"), List.of()));
        assertEquals("A", new JobOwners(pool).owner(job.id()).orElseThrow());

        a.close(); // A goes away mid-job: the job stays EXECUTING in the database
        assertEquals(ExecutionPhase.EXECUTING, b.get(KIND, job.id(), null).phase());
        cluster.leave("A");

        JobRecord done = end(b, job); // WAIT on B follows phase changes made by any member
        assertEquals(ExecutionPhase.COMPLETED, done.phase());
        assertEquals("B", new JobOwners(pool).owner(job.id()).orElseThrow());
        assertEquals("units=40 uploaded=0", Files.readString(b.resultFile(done, "result")));
    }

    @Test
    void aStartingMemberLeavesOtherMembersJobsAloneAndAnAbortElsewhereStopsThem() throws Exception {
        JobManager a = member("A");
        JobRecord job = executing(a, a.create(KIND, ANON,
                DaliParameters.of("PHASE", "RUN", "UNITS", "1000", "MS", "20"), List.of()));
        JobManager b = member("B"); // the single-instance restart rule would set the job to ERROR here
        Thread.sleep(300);
        assertEquals(ExecutionPhase.EXECUTING, b.get(KIND, job.id(), null).phase());

        b.abort(KIND, job.id(), null);
        assertEquals(ExecutionPhase.ABORTED, a.get(KIND, job.id(), null).phase());
        Thread.sleep(2500); // A looks at its jobs in the database every second
        // A stops the execution and frees its worker and queue slot: two more jobs fit in A's queue of 2 and run
        JobRecord next = a.create(KIND, ANON, DaliParameters.of("PHASE", "RUN"), List.of());
        a.create(KIND, ANON, DaliParameters.of("PHASE", "RUN"), List.of());
        assertEquals(ExecutionPhase.COMPLETED, end(a, next).phase());
        assertEquals(ExecutionPhase.ABORTED, a.get(KIND, job.id(), null).phase(), "stays aborted");
    }

    /** Membership as a set of live member ids; leaving runs the listeners. */
    private static final class FakeCluster {
        final Set<String> live = ConcurrentHashMap.newKeySet();
        final List<Runnable> listeners = new CopyOnWriteArrayList<>();

        void leave(String id) {
            live.remove(id);
            listeners.forEach(Runnable::run);
        }

        JobCoordination as(String self) {
            return new JobCoordination() {
                @Override
                public String selfId() {
                    return self;
                }

                @Override
                public boolean isLive(String memberId) {
                    return live.contains(memberId);
                }

                @Override
                public void onMemberLeft(Runnable action) {
                    listeners.add(action);
                }
            };
        }
    }
}
