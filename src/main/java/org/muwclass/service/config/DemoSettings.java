package org.muwclass.service.config;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * How the service classifies its shipped demo fields (NGC 3532, IC 2395) on the first start of a database, as
 * ordinary classification jobs whose rows are published into {@code muwclass.classified_sources}. The Monte-Carlo
 * amount is either {@code equivalentDraws} (the default: the precision of 1,000 draws of the paper's protocol) or a
 * plain {@code draws} count (quick, noisy runs for tests); exactly one of the two is positive.
 *
 * @param publish          whether to run them at all (muwclass.demo.publish)
 * @param draws            Monte-Carlo values per source (muwclass.demo.draws; job parameter DRAWS), or 0
 * @param equivalentDraws  paper-protocol draws of equal precision (muwclass.demo.equivalent-draws; job parameter
 *                         EQUIVALENT_DRAWS), or 0
 * @param targetsPerForest target realisations each trained forest predicts (muwclass.demo.targets-per-forest;
 *                         TARGETS_PER_FOREST)
 * @param ebvGrid          relative step of the E(B-V) grid, or 0 for the paper's 0.025 mag bins
 *                         (muwclass.demo.ebv-grid; EBV_GRID)
 * @param seed             master seed (muwclass.demo.seed)
 * @param algorithm        classifier name as for the job parameter ALGORITHM (muwclass.demo.algorithm)
 * @param trees            trees per forest (muwclass.demo.trees)
 */
public record DemoSettings(boolean publish, int draws, int equivalentDraws, int targetsPerForest, double ebvGrid,
                           long seed, String algorithm, int trees) {

    /** Property prefix of every demo setting. */
    public static final String PREFIX = "muwclass.demo.";
    /** Most trees per forest, as for the job parameter TREES. */
    public static final int MAX_TREES = 1000;

    /**
     * The documented defaults: publish at the documented fast settings for paper precision (1,000 equivalent draws,
     * 20 targets per forest, E(B-V) grid 0.1; docs/uws.md), seed 1, fastrf, 100 trees (the paper's forest size).
     */
    public static final DemoSettings DEFAULT = new DemoSettings(true, 0, 1000, 20, 0.1, 1L, "fastrf", 100);

    public DemoSettings {
        Objects.requireNonNull(algorithm, PREFIX + "algorithm");
        algorithm = algorithm.trim();
        if (draws < 0 || equivalentDraws < 0 || (draws > 0) == (equivalentDraws > 0)) {
            throw new IllegalArgumentException("give one of " + PREFIX + "draws and " + PREFIX
                    + "equivalent-draws, a positive integer; got draws " + draws + ", equivalent draws "
                    + equivalentDraws);
        }
        if (targetsPerForest < 1) {
            throw new IllegalArgumentException(PREFIX + "targets-per-forest must be positive, got "
                    + targetsPerForest);
        }
        if (!(ebvGrid >= 0) || Double.isInfinite(ebvGrid)) {
            throw new IllegalArgumentException(PREFIX + "ebv-grid must be 0 or a positive relative step, got "
                    + ebvGrid);
        }
        if (trees < 1 || trees > MAX_TREES) {
            throw new IllegalArgumentException(PREFIX + "trees must be from 1 to " + MAX_TREES + ", got " + trees);
        }
        if (algorithm.isEmpty()) {
            throw new IllegalArgumentException(PREFIX + "algorithm must not be empty");
        }
    }

    /** The pre-1,000-draw settings (20 plain draws, paper bins): kept for comparisons and quick runs. */
    public static DemoSettings plainDraws(int draws, long seed, String algorithm, int trees) {
        return new DemoSettings(true, draws, 0, 1, 0, seed, algorithm, trees);
    }

    /**
     * Reads the settings from configuration properties ({@code muwclass.demo.*}), with {@link #DEFAULT} for what is
     * not set. An explicit {@code muwclass.demo.draws} replaces the default equivalent draws (CI sets a few draws that
     * way); setting both is refused.
     *
     * @param property the value of a property by its full name, empty when not set
     * @throws IllegalArgumentException naming the property, its value and what is allowed
     */
    public static DemoSettings fromProperties(Function<String, Optional<String>> property) {
        boolean publish = property.apply(PREFIX + "publish").map(v -> bool(PREFIX + "publish", v))
                .orElse(DEFAULT.publish());
        Optional<String> drawsText = property.apply(PREFIX + "draws");
        Optional<String> equivalentText = property.apply(PREFIX + "equivalent-draws");
        if (drawsText.isPresent() && equivalentText.isPresent()) {
            throw new IllegalArgumentException(PREFIX + "draws ('" + drawsText.get() + "') and " + PREFIX
                    + "equivalent-draws ('" + equivalentText.get() + "') are both set; set one");
        }
        int draws = drawsText.map(v -> integer(PREFIX + "draws", v, 1, Integer.MAX_VALUE)).orElse(0);
        int equivalent = drawsText.isPresent() ? 0 : equivalentText
                .map(v -> integer(PREFIX + "equivalent-draws", v, 1, Integer.MAX_VALUE))
                .orElse(DEFAULT.equivalentDraws());
        int targets = property.apply(PREFIX + "targets-per-forest")
                .map(v -> integer(PREFIX + "targets-per-forest", v, 1, Integer.MAX_VALUE))
                .orElse(DEFAULT.targetsPerForest());
        double grid = property.apply(PREFIX + "ebv-grid").map(v -> number(PREFIX + "ebv-grid", v))
                .orElse(DEFAULT.ebvGrid());
        long seed = property.apply(PREFIX + "seed").map(v -> seed(PREFIX + "seed", v)).orElse(DEFAULT.seed());
        String algorithm = property.apply(PREFIX + "algorithm").orElse(DEFAULT.algorithm());
        int trees = property.apply(PREFIX + "trees").map(v -> integer(PREFIX + "trees", v, 1, MAX_TREES))
                .orElse(DEFAULT.trees());
        return new DemoSettings(publish, draws, equivalent, targets, grid, seed, algorithm, trees);
    }

    /**
     * The classification job parameters these settings stand for, in a fixed order (the amount first), as the
     * demo jobs are submitted with them and as a later start compares them with an earlier job's.
     */
    public Map<String, String> jobParameters() {
        Map<String, String> p = new LinkedHashMap<>();
        if (equivalentDraws > 0) {
            p.put("EQUIVALENT_DRAWS", Integer.toString(equivalentDraws));
        } else {
            p.put("DRAWS", Integer.toString(draws));
        }
        p.put("TARGETS_PER_FOREST", Integer.toString(targetsPerForest));
        p.put("EBV_GRID", number(ebvGrid));
        p.put("SEED", Long.toString(seed));
        p.put("ALGORITHM", algorithm);
        p.put("TREES", Integer.toString(trees));
        return p;
    }

    /** The job parameters as one line, {@code EQUIVALENT_DRAWS=1000 TARGETS_PER_FOREST=20 ...}, for logs. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        jobParameters().forEach((k, v) -> sb.append(sb.length() == 0 ? "" : " ").append(k).append('=').append(v));
        return sb.toString();
    }

    /** A grid step as written in job parameters: {@code 0.1}, {@code 0} (no trailing {@code .0}). */
    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    private static boolean bool(String name, String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("true") || t.equals("false")) {
            return t.equals("true");
        }
        throw refused(name, text, "true or false");
    }

    private static int integer(String name, String text, int min, int max) {
        String allowed = max == Integer.MAX_VALUE ? "a positive integer" : "an integer from " + min + " to " + max;
        try {
            int v = Integer.parseInt(text.trim());
            if (v < min || v > max) {
                throw refused(name, text, allowed);
            }
            return v;
        } catch (NumberFormatException e) {
            throw refused(name, text, allowed);
        }
    }

    private static long seed(String name, String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw refused(name, text, "a 64-bit integer");
        }
    }

    private static double number(String name, String text) {
        String allowed = "0 (the paper's 0.025 mag bins) or a relative step such as 0.1";
        try {
            double v = Double.parseDouble(text.trim());
            if (!(v >= 0) || Double.isInfinite(v)) {
                throw refused(name, text, allowed);
            }
            return v;
        } catch (NumberFormatException e) {
            throw refused(name, text, allowed);
        }
    }

    private static IllegalArgumentException refused(String name, String text, String allowed) {
        return new IllegalArgumentException(name + ": '" + text + "' is not allowed; expected " + allowed);
    }
}
