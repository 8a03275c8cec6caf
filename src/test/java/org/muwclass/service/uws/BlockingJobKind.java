package org.muwclass.service.uws;

import java.nio.file.Files;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A job kind for tests that behaves like a long SQL statement: it "publishes" a row (recorded in {@link #published}),
 * writes a scratch file, registers a stop action (like {@code statement::cancel}) and blocks until that action runs
 * (or 60 s pass). Destruction and discarding withdraw the row.
 */
final class BlockingJobKind implements JobKind<String> {

    final Set<String> published = ConcurrentHashMap.newKeySet();
    final Set<String> discarded = ConcurrentHashMap.newKeySet();
    final Set<String> destroyed = ConcurrentHashMap.newKeySet();
    final AtomicInteger stopActionsRun = new AtomicInteger();
    final CountDownLatch started = new CountDownLatch(1);
    final CountDownLatch left = new CountDownLatch(1);

    @Override
    public String name() {
        return "block";
    }

    @Override
    public String parse(JobInput input) {
        return "plan";
    }

    @Override
    public Duration estimate(String plan) {
        return Duration.ofSeconds(60);
    }

    @Override
    public void execute(String plan, JobContext context) throws Exception {
        try {
            published.add(context.jobId());
            Files.writeString(context.workDirectory().resolve("scratch"), "partial");
            CountDownLatch cancelled = new CountDownLatch(1);
            context.onStop(() -> {
                stopActionsRun.incrementAndGet();
                cancelled.countDown();
            });
            started.countDown();
            cancelled.await(60, TimeUnit.SECONDS);
            context.checkpoint();
        } finally {
            left.countDown();
        }
    }

    @Override
    public void destroyed(String jobId) {
        destroyed.add(jobId);
        published.remove(jobId);
    }

    @Override
    public void discarded(String jobId) {
        discarded.add(jobId);
        published.remove(jobId);
    }
}
