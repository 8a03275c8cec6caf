package org.muwclass.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;

/** Shared output of the benchmark mains: headers with machine and load, medians, peak heap. */
final class Bench {

    private Bench() {
    }

    static void header(String what) {
        System.out.printf(Locale.ROOT, "# %s%n# %s, %d processors, JVM max heap %d MiB, %s%n", what, Instant.now(),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, uptime());
    }

    static void footer() {
        System.out.printf(Locale.ROOT, "# end %s, %s, peak heap %d MiB%n", Instant.now(), uptime(),
                peakHeapBytes() >> 20);
    }

    /** The load line of /proc/loadavg (1, 5, 15 min), or the JVM's 1-minute value. */
    static String uptime() {
        try {
            return "loadavg " + Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (Exception e) {
            return String.format(Locale.ROOT, "load %.2f",
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    /** Sum of the heap pools' peak usage since JVM start (an upper bound of the peak heap in use). */
    static long peakHeapBytes() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int m = s.length / 2;
        return s.length % 2 == 1 ? s[m] : (s[m - 1] + s[m]) / 2;
    }
}
