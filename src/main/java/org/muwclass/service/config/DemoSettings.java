package org.muwclass.service.config;

import java.util.Objects;

/**
 * How the service classifies its shipped demo fields (NGC 3532, IC 2395) on the first start of a database, as
 * ordinary classification jobs whose rows are published into {@code muwclass.classified_sources}.
 *
 * @param publish   whether to run them at all (muwclass.demo.publish)
 * @param draws     Monte-Carlo draws per field (muwclass.demo.draws)
 * @param seed      master seed (muwclass.demo.seed)
 * @param algorithm classifier name as for the job parameter ALGORITHM (muwclass.demo.algorithm)
 * @param trees     trees per forest (muwclass.demo.trees)
 */
public record DemoSettings(boolean publish, int draws, long seed, String algorithm, int trees) {

    /** The documented defaults: publish, 20 draws, seed 1, rf, 100 trees (the paper's forest size). */
    public static final DemoSettings DEFAULT = new DemoSettings(true, 20, 1L, "fastrf", 100);

    public DemoSettings {
        Objects.requireNonNull(algorithm, "muwclass.demo.algorithm");
        if (draws <= 0) {
            throw new IllegalArgumentException("muwclass.demo.draws must be positive, got " + draws);
        }
        if (trees < 1 || trees > 1000) {
            throw new IllegalArgumentException("muwclass.demo.trees must be from 1 to 1000, got " + trees);
        }
        algorithm = algorithm.trim();
    }
}
