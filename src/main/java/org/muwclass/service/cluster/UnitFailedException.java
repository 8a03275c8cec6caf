package org.muwclass.service.cluster;

/** A work unit failed on a cluster member; the message names the unit, the member and the cause. */
public class UnitFailedException extends RuntimeException {

    public UnitFailedException(String message) {
        super(message);
    }
}
