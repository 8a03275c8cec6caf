package org.muwclass.core.training;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.muwclass.core.model.SourceMeasurements;

/**
 * Which targets are training sources (issue 14 item 4): a target matches a training row with the same name (CSC
 * names, compared case-insensitively after trimming) or within {@link #RADIUS_ARCSEC} of it, or within the training
 * row's positional error ({@code CSCv2_PU}, arcsec) when that is larger. Such targets are flagged in the result and,
 * by default, classified without the rows they match (leave-one-out), as a faithful evaluation would.
 */
public final class TrainingMatches {

    /** Smallest match radius, arcsec. */
    public static final double RADIUS_ARCSEC = 1.0;

    private final Map<Integer, TrainingMatch> byTarget;

    private TrainingMatches(Map<Integer, TrainingMatch> byTarget) {
        this.byTarget = byTarget;
    }

    /** No matches. */
    public static TrainingMatches none() {
        return new TrainingMatches(Map.of());
    }

    /** Matches every target against the training set; O((targets + training) log training) with a Dec-sorted index. */
    public static TrainingMatches find(List<SourceMeasurements> targets, List<SourceMeasurements> training) {
        Map<String, List<Integer>> byName = new HashMap<>();
        Integer[] order = new Integer[training.size()];
        double maxRadius = RADIUS_ARCSEC;
        for (int i = 0; i < training.size(); i++) {
            byName.computeIfAbsent(key(training.get(i).name()), k -> new ArrayList<>()).add(i);
            order[i] = i;
            maxRadius = Math.max(maxRadius, radius(training.get(i)));
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> training.get(i).decDeg()));
        double[] decs = new double[order.length];
        for (int k = 0; k < order.length; k++) {
            decs[k] = training.get(order[k]).decDeg();
        }
        Map<Integer, TrainingMatch> out = new HashMap<>();
        for (int t = 0; t < targets.size(); t++) {
            SourceMeasurements s = targets.get(t);
            TreeSet<Integer> rows = new TreeSet<>(byName.getOrDefault(key(s.name()), List.of()));
            double window = maxRadius / 3600.0;
            for (int k = lowerBound(decs, s.decDeg() - window); k < decs.length && decs[k] <= s.decDeg() + window;
                 k++) {
                SourceMeasurements c = training.get(order[k]);
                if (separationArcsec(s, c) <= radius(c)) {
                    rows.add(order[k]);
                }
            }
            if (rows.isEmpty()) {
                continue;
            }
            int closest = rows.first();
            for (int r : rows) {
                if (separationArcsec(s, training.get(r)) < separationArcsec(s, training.get(closest))) {
                    closest = r;
                }
            }
            SourceMeasurements c = training.get(closest);
            out.put(t, new TrainingMatch(t, rows.stream().mapToInt(Integer::intValue).toArray(), c.name(),
                    c.trueClass(), separationArcsec(s, c)));
        }
        return new TrainingMatches(Map.copyOf(out));
    }

    /** The match of target {@code target}, if it is a training source. */
    public Optional<TrainingMatch> of(int target) {
        return Optional.ofNullable(byTarget.get(target));
    }

    /** Number of matched targets. */
    public int size() {
        return byTarget.size();
    }

    /** Whether no target matched. */
    public boolean isEmpty() {
        return byTarget.isEmpty();
    }

    /** Indices of the training rows matched by any of the given targets, ascending. */
    public int[] trainingRowsOf(int[] targets) {
        TreeSet<Integer> rows = new TreeSet<>();
        for (int t : targets) {
            TrainingMatch m = byTarget.get(t);
            if (m != null) {
                for (int r : m.trainingRows()) {
                    rows.add(r);
                }
            }
        }
        return rows.stream().mapToInt(Integer::intValue).toArray();
    }

    private static String key(String name) {
        return name.trim().toLowerCase(Locale.ROOT);
    }

    /** Match radius of a training row: its positional error when known and larger than 1 arcsec. */
    private static double radius(SourceMeasurements training) {
        double pu = training.posErrArcsec();
        return Double.isFinite(pu) && pu > RADIUS_ARCSEC ? pu : RADIUS_ARCSEC;
    }

    private static int lowerBound(double[] sorted, double v) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Great-circle distance (haversine), arcsec. */
    static double separationArcsec(SourceMeasurements a, SourceMeasurements b) {
        double d1 = Math.toRadians(a.decDeg());
        double d2 = Math.toRadians(b.decDeg());
        double sinDd = Math.sin((d2 - d1) / 2);
        double sinDa = Math.sin(Math.toRadians(b.raDeg() - a.raDeg()) / 2);
        double h = sinDd * sinDd + Math.cos(d1) * Math.cos(d2) * sinDa * sinDa;
        return Math.toDegrees(2 * Math.asin(Math.min(1, Math.sqrt(h)))) * 3600;
    }
}
