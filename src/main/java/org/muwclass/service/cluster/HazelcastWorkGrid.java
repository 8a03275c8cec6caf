package org.muwclass.service.cluster;

import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.collection.IQueue;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * {@link WorkGrid} on a Hazelcast instance (Payara's, or an embedded one in tests): one IQueue of unit names shared by
 * all jobs, an IMap of active jobs, and per job an IMap of claims (unit to member id) and an IMap of results (unit to
 * bytes). Only strings, integers and byte arrays are stored, so no application class crosses the grid.
 */
public final class HazelcastWorkGrid implements WorkGrid {

    static final String QUEUE = "muwclass-units";
    static final String ACTIVE = "muwclass-active-jobs";
    static final String CLAIMS = "muwclass-claims-";
    static final String RESULTS = "muwclass-results-";
    /** Member attribute Payara sets to the instance name (HazelcastCore.INSTANCE_ATTRIBUTE). */
    private static final String PAYARA_INSTANCE_ATTRIBUTE = "GLASSFISH-INSTANCE";
    private static final Logger LOG = Logger.getLogger(HazelcastWorkGrid.class.getName());

    private final HazelcastInstance hz;
    private final IQueue<String> queue;
    private final IMap<String, String> active;

    public HazelcastWorkGrid(HazelcastInstance hz) {
        this.hz = hz;
        this.queue = hz.getQueue(QUEUE);
        this.active = hz.getMap(ACTIVE);
    }

    @Override
    public String selfId() {
        return hz.getCluster().getLocalMember().getUuid().toString();
    }

    @Override
    public String selfLabel() {
        Member m = hz.getCluster().getLocalMember();
        String name = m.getAttribute(PAYARA_INSTANCE_ATTRIBUTE);
        String address = m.getAddress().getHost() + ":" + m.getAddress().getPort();
        return name == null || name.isBlank() ? address : name + "@" + address;
    }

    @Override
    public Set<String> memberIds() {
        Set<String> ids = new HashSet<>();
        for (Member m : hz.getCluster().getMembers()) {
            ids.add(m.getUuid().toString());
        }
        return ids;
    }

    @Override
    public void onMemberLeft(Runnable listener) {
        hz.getCluster().addMembershipListener(new MembershipListener() {
            @Override
            public void memberAdded(MembershipEvent event) {
                // nothing to do: a new member's workers start taking units by themselves
            }

            @Override
            public void memberRemoved(MembershipEvent event) {
                LOG.info(() -> "Cluster member left: " + event.getMember().getAddress());
                listener.run();
            }
        });
    }

    @Override
    public void activate(String jobId, String kind) {
        active.set(jobId, kind);
    }

    @Override
    public String activeKind(String jobId) {
        return active.get(jobId);
    }

    @Override
    public Set<String> activeJobs() {
        return new HashSet<>(active.keySet());
    }

    @Override
    public void retire(String jobId) {
        active.delete(jobId);
        hz.getMap(CLAIMS + jobId).destroy();
        hz.getMap(RESULTS + jobId).destroy();
    }

    @Override
    public void offer(String jobId, int unit) {
        if (!queue.offer(new UnitRef(jobId, unit).encode())) {
            throw new IllegalStateException("The cluster's unit queue refused unit " + unit + " of job " + jobId);
        }
    }

    @Override
    public Set<Integer> queued(String jobId) {
        Set<Integer> units = new HashSet<>();
        String prefix = jobId + "/";
        for (Iterator<String> it = queue.iterator(); it.hasNext(); ) {
            String s = it.next();
            if (s.startsWith(prefix)) {
                units.add(UnitRef.decode(s).unit());
            }
        }
        return units;
    }

    @Override
    public UnitRef poll(long timeoutMs) throws InterruptedException {
        String s = queue.poll(timeoutMs, TimeUnit.MILLISECONDS);
        return s == null ? null : UnitRef.decode(s);
    }

    @Override
    public void claim(String jobId, int unit) {
        this.<Integer, String>map(CLAIMS, jobId).set(unit, selfId());
    }

    @Override
    public void dropClaim(String jobId, int unit, String memberId) {
        this.<Integer, String>map(CLAIMS, jobId).remove(unit, memberId);
    }

    @Override
    public Map<Integer, String> claims(String jobId) {
        return new HashMap<>(this.<Integer, String>map(CLAIMS, jobId));
    }

    @Override
    public void putResult(String jobId, int unit, byte[] result) {
        this.<Integer, byte[]>map(RESULTS, jobId).set(unit, result);
    }

    @Override
    public Set<Integer> resultUnits(String jobId) {
        return new HashSet<>(this.<Integer, byte[]>map(RESULTS, jobId).keySet());
    }

    @Override
    public Map<Integer, byte[]> results(String jobId, Set<Integer> units) {
        return new HashMap<>(this.<Integer, byte[]>map(RESULTS, jobId).getAll(units));
    }

    private <K, V> IMap<K, V> map(String prefix, String jobId) {
        return hz.getMap(prefix + jobId);
    }
}
