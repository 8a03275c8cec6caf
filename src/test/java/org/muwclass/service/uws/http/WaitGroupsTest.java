package org.muwclass.service.uws.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.muwclass.service.uws.ExecutionPhase;
import org.muwclass.service.uws.JobRecord;
import org.muwclass.service.uws.JobRequestException;

class WaitGroupsTest {

    private static final WaitGroups.Key KEY = new WaitGroups.Key("tap", "job1", null, ExecutionPhase.EXECUTING, 60);

    @Test
    void identicalWaitsJoinTheOpenLeader() {
        WaitGroups w = new WaitGroups();
        WaitGroups.Entry lead = w.enter(KEY, 100, () -> 0);
        assertTrue(lead.leader());
        WaitGroups.lead(lead.group(), new CompletableFuture<>());
        for (int i = 0; i < 10; i++) {
            WaitGroups.Entry e = w.enter(KEY, 100, () -> 1);
            assertFalse(e.leader());
            assertSame(lead.group(), e.group());
        }
        assertEquals(10, w.joiners());
        // another owner, phase or wait is another group
        assertTrue(w.enter(new WaitGroups.Key("tap", "job1", "alice", ExecutionPhase.EXECUTING, 60), 100, () -> 1)
                .leader());
        assertTrue(w.enter(new WaitGroups.Key("tap", "job1", null, null, 60), 100, () -> 1).leader());
    }

    @Test
    void completionAnswersEveryoneAndClosesTheGroup() {
        WaitGroups w = new WaitGroups();
        WaitGroups.Entry lead = w.enter(KEY, 100, () -> 0);
        CompletableFuture<JobRecord> manager = new CompletableFuture<>();
        WaitGroups.lead(lead.group(), manager);
        WaitGroups.Entry joiner = w.enter(KEY, 100, () -> 1);
        manager.complete(null);
        assertTrue(joiner.group().future.isDone());
        assertEquals(0, w.joiners());
        assertEquals(0, w.groups());
        // a later WAIT never gets the finished group's answer: it leads a new one
        WaitGroups.Entry later = w.enter(KEY, 100, () -> 0);
        assertTrue(later.leader());
        assertNotSame(lead.group(), later.group());
    }

    @Test
    void anAnswerAtOnceIsNotReused() {
        WaitGroups w = new WaitGroups();
        WaitGroups.Entry lead = w.enter(KEY, 100, () -> 0);
        WaitGroups.lead(lead.group(), CompletableFuture.completedFuture(null)); // e.g. the job is PENDING
        assertTrue(w.enter(KEY, 100, () -> 0).leader());
    }

    @Test
    void theLeadersRefusalReachesTheJoiners() {
        WaitGroups w = new WaitGroups();
        WaitGroups.Entry lead = w.enter(KEY, 100, () -> 0);
        WaitGroups.Entry joiner = w.enter(KEY, 100, () -> 1);
        lead.group().future.completeExceptionally(new JobRequestException.NotFound("job1"));
        assertTrue(joiner.group().future.isCompletedExceptionally());
    }

    @Test
    void joinersCountAgainstTheWaiterCap() {
        WaitGroups w = new WaitGroups();
        WaitGroups.Entry lead = w.enter(KEY, 3, () -> 1);
        assertNotNull(w.enter(KEY, 3, () -> 1));
        assertNotNull(w.enter(KEY, 3, () -> 1));
        assertNull(w.enter(KEY, 3, () -> 1)); // 1 manager waiter + 2 joiners: full, go to the manager alone
        assertEquals(2, w.joiners());
        lead.group().future.complete(null);
        assertEquals(0, w.joiners());
    }

    @Test
    void renderedOnceForTheGroup() {
        WaitGroups.Group g = new WaitGroups.Group(System.nanoTime() + 1_000_000_000L);
        int[] calls = new int[1];
        Object a = g.rendered(() -> {
            calls[0]++;
            return new byte[]{1};
        });
        Object b = g.rendered(() -> {
            calls[0]++;
            return new byte[]{2};
        });
        assertSame(a, b);
        assertEquals(1, calls[0]);
    }
}
