package org.muwclass.core.xray;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Per-detection quality codes (docs/algorithm.md §2.3); only detections with code 0 are averaged. The code is a sum of:
 * {@link #HRC} 1, {@link #OFF_AXIS} 2 (theta &gt; 10 arcmin or NULL), {@link #SATURATED} 4, {@link #PILEUP} 8
 * (pileup_warning &gt; 0.3; NULL is fine), {@link #STREAK} 16, {@link #SHARED_REGION} 32 (the same obsid, region_id
 * and obi appear under more than one source name).
 */
public final class DetectionFilter {

    public static final int HRC = 1;
    public static final int OFF_AXIS = 2;
    public static final int SATURATED = 4;
    public static final int PILEUP = 8;
    public static final int STREAK = 16;
    public static final int SHARED_REGION = 32;

    /** Maximum off-axis angle kept, arcmin. */
    public static final double MAX_THETA_ARCMIN = 10.0;
    /** Maximum pile-up warning kept. */
    public static final double MAX_PILEUP_WARNING = 0.3;

    private DetectionFilter() {
    }

    private record RegionKey(long obsid, long regionId, long obi) {
    }

    /** The code of every detection, in input order. The shared-region test looks at the whole list. */
    public static int[] codes(List<Detection> detections) {
        Map<RegionKey, Set<String>> names = new HashMap<>();
        for (Detection d : detections) {
            names.computeIfAbsent(key(d), k -> new HashSet<>()).add(d.master().name());
        }
        int[] codes = new int[detections.size()];
        for (int i = 0; i < codes.length; i++) {
            Detection d = detections.get(i);
            int c = 0;
            if ("HRC".equals(d.instrument())) {
                c += HRC;
            }
            if (!(d.thetaArcmin() <= MAX_THETA_ARCMIN)) {
                c += OFF_AXIS;
            }
            if (d.satSrcFlag()) {
                c += SATURATED;
            }
            if (d.pileupWarning() > MAX_PILEUP_WARNING) {
                c += PILEUP;
            }
            if (d.streakSrcFlag()) {
                c += STREAK;
            }
            if (Objects.requireNonNull(names.get(key(d))).size() > 1) {
                c += SHARED_REGION;
            }
            codes[i] = c;
        }
        return codes;
    }

    private static RegionKey key(Detection d) {
        return new RegionKey(d.obsid(), d.regionId(), d.obi());
    }
}
