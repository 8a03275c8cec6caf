package org.muwclass.classification;

/**
 * The bounds a front door puts on the options: the service's operator settings, or the CLI's wider ones.
 *
 * @param drawsDefault        draws when neither DRAWS nor EQUIVALENT_DRAWS is given (capped by the limit)
 * @param forestsPerTaskLimit most forests per E(B-V) task (DRAWS / TARGETS_PER_FOREST); DRAWS is at most this x
 *                            TARGETS_PER_FOREST and at most {@value #MAX_DRAWS}
 * @param maxTrees            most trees per forest (TREES)
 */
public record OptionLimits(int drawsDefault, int forestsPerTaskLimit, int maxTrees) {

    /** Most Monte-Carlo draws per source under any limits. */
    public static final int MAX_DRAWS = 100_000;

    /** The CLI's: 100 draws by default, up to {@value #MAX_DRAWS} draws and 10000 trees. */
    public static final OptionLimits CLI = new OptionLimits(100, MAX_DRAWS, 10_000);

    public OptionLimits {
        if (drawsDefault < 1 || forestsPerTaskLimit < 1 || maxTrees < 1) {
            throw new IllegalArgumentException("limits must be positive: " + drawsDefault + ", "
                    + forestsPerTaskLimit + ", " + maxTrees);
        }
    }

    /** Most draws per source at {@code targetsPerForest} target realisations per forest. */
    public int maxDraws(int targetsPerForest) {
        return (int) Math.min(MAX_DRAWS, (long) forestsPerTaskLimit * targetsPerForest);
    }
}
