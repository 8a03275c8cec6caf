package org.muwclass.service.uws;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** UWS 1.1 execution phases (schema type uws:ExecutionPhase) and the transitions this service allows. */
public enum ExecutionPhase {
    PENDING, QUEUED, EXECUTING, COMPLETED, ERROR, ABORTED, UNKNOWN, HELD, SUSPENDED, ARCHIVED;

    /** Phases a job never leaves (other than by destruction). */
    public boolean isFinal() {
        return this == COMPLETED || this == ERROR || this == ABORTED || this == ARCHIVED;
    }

    /** Phases in which a client's WAIT blocks (UWS 1.1 section 2.2.1.1). */
    public boolean isActive() {
        return this == PENDING || this == QUEUED || this == EXECUTING;
    }

    /** Phases that hold a slot of the bounded queue. */
    public boolean holdsQueueSlot() {
        return this == QUEUED || this == EXECUTING;
    }

    /** Whether this service moves a job from this phase straight to {@code next}. */
    public boolean canMoveTo(ExecutionPhase next) {
        return switch (this) {
            case PENDING -> next == QUEUED || next == ABORTED || next == ERROR;
            case QUEUED -> next == EXECUTING || next == ABORTED || next == ERROR;
            case EXECUTING -> next == COMPLETED || next == ERROR || next == ABORTED;
            default -> false;
        };
    }

    /** Phases from which {@code next} can be reached directly. */
    public static Set<ExecutionPhase> predecessorsOf(ExecutionPhase next) {
        return Arrays.stream(values()).filter(p -> p.canMoveTo(next))
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(ExecutionPhase.class)));
    }

    /**
     * Parses a phase name case-insensitively.
     *
     * @throws ParameterException naming {@code parameter} and listing the phases
     */
    public static ExecutionPhase parse(String parameter, String value) throws ParameterException {
        if (value != null) {
            try {
                return valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                // fall through to the error naming the allowed values
            }
        }
        throw new ParameterException(parameter, value, "one of " + Arrays.toString(values()));
    }
}
