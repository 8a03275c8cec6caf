package org.muwclass.service.uws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class JobSlotsTest {

    @Test
    void theLoserOfABindReturnsOnlyItsOwnReservation() {
        JobSlots slots = new JobSlots(2);
        assertTrue(slots.reserve());
        assertTrue(slots.reserve());
        assertFalse(slots.reserve(), "limit reached");
        assertTrue(slots.bind("a"), "the winner binds");
        assertFalse(slots.bind("a"), "the loser cannot");
        slots.cancel();
        assertEquals(1, slots.inUse(), "the winner keeps its slot");
        assertTrue(slots.holds("a"));
        slots.release("a");
        slots.release("a");
        assertEquals(0, slots.inUse(), "released once");
    }

    @Test
    void forcedSlotsCountOnceAndMayExceedTheLimit() {
        JobSlots slots = new JobSlots(1);
        slots.force("a");
        slots.force("a");
        slots.force("b");
        assertEquals(2, slots.inUse());
        assertFalse(slots.reserve());
        slots.release("a");
        slots.release("b");
        assertEquals(0, slots.inUse());
    }
}
