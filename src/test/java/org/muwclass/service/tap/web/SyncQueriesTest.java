package org.muwclass.service.tap.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.muwclass.service.config.QuerySettings;
import org.muwclass.service.tap.query.QueryCancel;

class SyncQueriesTest {

    private static SyncQueries limits(int concurrency, int timeoutS) {
        SyncQueries q = new SyncQueries();
        q.settings = new QuerySettings(Optional.empty(), "", 4, 4, Duration.ofSeconds(timeoutS), concurrency,
                Duration.ofDays(1), Duration.ZERO);
        return q;
    }

    @Test
    void slotsAreLimitedAndAClosedSlotIsFreedOnce() {
        SyncQueries q = limits(2, 60);
        SyncQueries.Slot a = q.tryEnter();
        SyncQueries.Slot b = q.tryEnter();
        assertNotNull(a);
        assertNotNull(b);
        assertNull(q.tryEnter(), "a third query is refused");
        a.close();
        a.close(); // twice: still one slot back, not two
        assertNotNull(q.tryEnter());
        assertNull(q.tryEnter());
        q.stop();
    }

    @Test
    void theWatchdogCancelsAQueryAtTheLimitAndNotAfterClose() throws Exception {
        SyncQueries q = limits(2, 1);
        QueryCancel late = new QueryCancel();
        SyncQueries.Slot slot = q.tryEnter();
        slot.watch(late, "too long");
        QueryCancel done = new QueryCancel();
        SyncQueries.Slot quick = q.tryEnter();
        quick.watch(done, "too long");
        quick.close();
        Thread.sleep(1_500);
        assertEquals("too long", late.reason());
        assertTrue(!done.cancelled(), "a finished query is not cancelled");
        slot.close();
        q.stop();
    }
}
