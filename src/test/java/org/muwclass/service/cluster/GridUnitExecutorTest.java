package org.muwclass.service.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hazelcast.config.Config;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.muwclass.core.model.SourceMeasurements;
import org.muwclass.core.pipeline.ClassificationPlan;
import org.muwclass.core.pipeline.ClassificationResult;
import org.muwclass.core.pipeline.ClassificationRun;
import org.muwclass.core.pipeline.ProgressListener;
import org.muwclass.core.pipeline.RunParameters;
import org.muwclass.core.pipeline.SourceResult;
import org.muwclass.testsupport.TrainingSplits;

/**
 * Two (or three) Hazelcast members in this JVM on loopback, each with unit workers: a job's units are spread over
 * them, a member dying with a claimed unit or the coordinator dying mid-job still give the single-instance bits.
 */
class GridUnitExecutorTest {

    private static final String KIND = "classify";
    private static List<SourceMeasurements> targets;
    private static ClassificationRun run;
    private static final RunParameters PARAMS = RunParameters.of(4, 20261125L).withDrawsPerUnit(1).withThreads(2);
    private static ClassificationResult single;

    private final List<HazelcastInstance> members = new ArrayList<>();
    private final List<UnitWorkers> workers = new ArrayList<>();
    private final String clusterName = "muwclass-test-" + UUID.randomUUID();

    @BeforeAll
    static void singleInstanceReference() {
        TrainingSplits splits = TrainingSplits.of(8, 150, 7);
        run = splits.run(8);
        single = run.run(splits.targets(), PARAMS, ProgressListener.NONE);
        targets = splits.targets();
    }

    @AfterEach
    void stopMembers() {
        workers.forEach(UnitWorkers::close);
        members.forEach(m -> m.getLifecycleService().terminate());
    }

    private HazelcastInstance member() {
        Config c = new Config();
        c.setClusterName(clusterName);
        c.setProperty("hazelcast.logging.type", "jdk");
        c.setProperty("hazelcast.phone.home.enabled", "false");
        c.setProperty("hazelcast.wait.seconds.before.join", "0");
        c.setProperty("hazelcast.socket.bind.any", "false");
        NetworkConfig n = c.getNetworkConfig();
        n.setPort(25701).setPortAutoIncrement(true).setPortCount(10);
        n.getInterfaces().setEnabled(true).addInterface("127.0.0.1");
        n.getJoin().getMulticastConfig().setEnabled(false);
        n.getJoin().getTcpIpConfig().setEnabled(true).addMember("127.0.0.1");
        HazelcastInstance hz = Hazelcast.newHazelcastInstance(c);
        members.add(hz);
        return hz;
    }

    private static void awaitSafe(HazelcastInstance hz) {
        long until = System.currentTimeMillis() + 30_000;
        while (!hz.getPartitionService().isClusterSafe() && System.currentTimeMillis() < until) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Every member builds its own plan from the same inputs, as members do from the shared database. */
    private static ClassificationPlan rebuild(String jobId, String kind) {
        return run.plan(targets, PARAMS);
    }

    private WorkGrid withWorkers(WorkGrid grid) {
        workers.add(new UnitWorkers(grid, GridUnitExecutorTest::rebuild, 1).start());
        return grid;
    }

    private static GridUnitExecutor executor(WorkGrid grid, String job) {
        return new GridUnitExecutor(grid, job, KIND, Duration.ofMillis(50), Duration.ofMillis(300),
                Duration.ofSeconds(3));
    }

    private static void assertSameBits(ClassificationResult a, ClassificationResult b) {
        assertEquals(a.provenance(), b.provenance());
        for (int i = 0; i < a.sources().size(); i++) {
            SourceResult x = a.sources().get(i);
            SourceResult y = b.sources().get(i);
            assertEquals(x.name(), y.name());
            assertArrayEquals(x.probabilities().mean(), y.probabilities().mean());
            assertArrayEquals(x.probabilities().std(), y.probabilities().std());
            assertArrayEquals(x.probabilities().median(), y.probabilities().median());
            assertArrayEquals(x.probabilities().lower2Sigma(), y.probabilities().lower2Sigma());
            assertEquals(x.decision(), y.decision());
        }
    }

    @Test
    void unitsSpreadOverTwoMembersGiveTheSingleInstanceBits() {
        WorkGrid a = withWorkers(new HazelcastWorkGrid(member()));
        WorkGrid b = withWorkers(new HazelcastWorkGrid(member()));
        assertEquals(2, a.memberIds().size());
        GridUnitExecutor ex = executor(a, "job-two-members");
        List<Double> progress = new ArrayList<>();
        ClassificationResult r = run.plan(targets, PARAMS).execute(ex, progress::add);

        assertSameBits(single, r);
        Map<String, Integer> byMember = ex.unitsByMember();
        assertEquals(Set.of(a.selfLabel(), b.selfLabel()), byMember.keySet(), "both members ran units: " + byMember);
        assertEquals(run.plan(targets, PARAMS).unitCount(), byMember.values().stream().mapToInt(i -> i).sum());
        assertEquals(1.0, progress.get(progress.size() - 1));
        assertTrue(a.activeJobs().isEmpty(), "the job's grid state is retired");
    }

    @Test
    void aMemberDyingWithAClaimedUnitHasItRerunElsewhere() throws Exception {
        WorkGrid a = withWorkers(new HazelcastWorkGrid(member()));
        HazelcastInstance hzB = member();
        CountDownLatch bHolding = new CountDownLatch(1);
        // member B runs its first unit, then hangs before storing it, holding the claim, until it is killed
        WorkGrid b = withWorkers(new HangingGrid(new HazelcastWorkGrid(hzB), bHolding));
        String job = "job-member-dies";
        GridUnitExecutor ex = executor(a, job);
        Thread killer = new Thread(() -> {
            try {
                if (bHolding.await(60, TimeUnit.SECONDS)) {
                    assertTrue(a.claims(job).containsValue(b.selfId()), "B holds a claim when it dies");
                    hzB.getLifecycleService().terminate(); // like kill -9: no graceful migration
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        killer.start();
        ClassificationResult r = run.plan(targets, PARAMS).execute(ex, ProgressListener.NONE);
        killer.join();

        assertSameBits(single, r);
        assertTrue(ex.requeued() >= 1, "the dead member's unit was queued again");
        assertEquals(Set.of(a.selfLabel()), ex.unitsByMember().keySet(), "B stored nothing, A ran everything");
    }

    @Test
    void aNewCoordinatorReusesTheUnitsDoneAndFinishesWithTheSameBits() {
        HazelcastInstance hzA = member();
        WorkGrid a = withWorkers(new HazelcastWorkGrid(hzA));
        HazelcastInstance hzB = member();
        WorkGrid b = withWorkers(new HazelcastWorkGrid(hzB));
        awaitSafe(hzB); // every partition has its backup on the other member
        String job = "job-coordinator-dies";
        ClassificationPlan plan = run.plan(targets, PARAMS);
        // the first coordinator (on A) stops once a third of the units are done, leaving the grid state
        assertThrows(CancellationException.class, () -> plan.execute(executor(a, job), f -> {
            if (f >= 1 / 3.0) {
                throw new CancellationException("coordinator died");
            }
        }));
        int storedBefore = a.resultUnits(job).size();
        hzA.getLifecycleService().terminate();
        awaitSafe(hzB); // B has promoted its backups
        assertTrue(storedBefore >= plan.unitCount() / 3);
        assertTrue(b.resultUnits(job).size() >= storedBefore, "results survive A (backups on B)");

        GridUnitExecutor second = executor(b, job);
        ClassificationResult r = run.plan(targets, PARAMS).execute(second, ProgressListener.NONE);
        assertSameBits(single, r);
        assertTrue(second.reused() >= plan.unitCount() / 3, "units done before the takeover were reused");
    }

    /** Delegates to a grid, but the first stored result blocks forever (the member hangs holding its claim). */
    private static final class HangingGrid implements WorkGrid {
        private final WorkGrid g;
        private final CountDownLatch holding;

        HangingGrid(WorkGrid g, CountDownLatch holding) {
            this.g = g;
            this.holding = holding;
        }

        @Override
        public void putResult(String jobId, int unit, byte[] result) {
            holding.countDown();
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted");
            }
        }

        @Override public String selfId() { return g.selfId(); }
        @Override public String selfLabel() { return g.selfLabel(); }
        @Override public Set<String> memberIds() { return g.memberIds(); }
        @Override public void onMemberLeft(Runnable l) { g.onMemberLeft(l); }
        @Override public void activate(String j, String k) { g.activate(j, k); }
        @Override public String activeKind(String j) { return g.activeKind(j); }
        @Override public Set<String> activeJobs() { return g.activeJobs(); }
        @Override public void retire(String j) { g.retire(j); }
        @Override public void offer(String j, int u) { g.offer(j, u); }
        @Override public Set<Integer> queued(String j) { return g.queued(j); }
        @Override public UnitRef poll(long t) throws InterruptedException { return g.poll(t); }
        @Override public void claim(String j, int u) { g.claim(j, u); }
        @Override public void dropClaim(String j, int u, String m) { g.dropClaim(j, u, m); }
        @Override public Map<Integer, String> claims(String j) { return g.claims(j); }
        @Override public Set<Integer> resultUnits(String j) { return g.resultUnits(j); }
        @Override public Map<Integer, byte[]> results(String j, Set<Integer> u) { return g.results(j, u); }
    }
}
