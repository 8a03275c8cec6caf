package org.muwclass.service.cluster;

import com.hazelcast.core.HazelcastInstance;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Finds Payara's data grid: the Hazelcast instance Payara binds in JNDI as {@value #JNDI_NAME}. Kept apart so that
 * Hazelcast classes are only loaded when this is called.
 */
final class PayaraDataGrid {

    static final String JNDI_NAME = "payara/Hazelcast";

    private PayaraDataGrid() {
    }

    /** The grid, or null when Payara runs without Hazelcast (--nohazelcast) or it is not running. */
    static WorkGrid lookup() throws NamingException {
        Object o = new InitialContext().lookup(JNDI_NAME);
        if (o instanceof HazelcastInstance hz && hz.getLifecycleService().isRunning()) {
            return new HazelcastWorkGrid(hz);
        }
        return null;
    }
}
