package org.muwclass.service.uws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class ExecutionPhaseTest {

    @Test
    void finalPhasesHaveNoSuccessor() {
        for (ExecutionPhase from : ExecutionPhase.values()) {
            if (from.isFinal()) {
                for (ExecutionPhase to : ExecutionPhase.values()) {
                    assertFalse(from.canMoveTo(to), from + " -> " + to);
                }
            }
        }
    }

    @Test
    void lifecycleOfAJob() {
        assertTrue(ExecutionPhase.PENDING.canMoveTo(ExecutionPhase.QUEUED));
        assertTrue(ExecutionPhase.QUEUED.canMoveTo(ExecutionPhase.EXECUTING));
        assertTrue(ExecutionPhase.EXECUTING.canMoveTo(ExecutionPhase.COMPLETED));
        assertFalse(ExecutionPhase.PENDING.canMoveTo(ExecutionPhase.EXECUTING), "must queue first");
        assertFalse(ExecutionPhase.PENDING.canMoveTo(ExecutionPhase.COMPLETED));
        assertEquals(EnumSet.of(ExecutionPhase.PENDING, ExecutionPhase.QUEUED, ExecutionPhase.EXECUTING),
                ExecutionPhase.predecessorsOf(ExecutionPhase.ABORTED));
    }

    @Test
    void parseIsCaseInsensitiveAndNamesTheParameter() throws ParameterException {
        assertEquals(ExecutionPhase.EXECUTING, ExecutionPhase.parse("PHASE", "executing"));
        ParameterException e = assertThrows(ParameterException.class, () -> ExecutionPhase.parse("PHASE", "RUNNING"));
        assertEquals("PHASE", e.parameter());
        assertTrue(e.getMessage().startsWith("Parameter PHASE: 'RUNNING' is not allowed; expected one of [PENDING"),
                e.getMessage());
    }

    @Test
    void jobIdsAreUrlSafeAndDistinct() {
        String a = JobIds.newId();
        String b = JobIds.newId();
        assertTrue(JobIds.isWellFormed(a), a);
        assertEquals(22, a.length());
        assertFalse(a.equals(b));
        assertFalse(JobIds.isWellFormed("../../etc/passwd"));
    }
}
