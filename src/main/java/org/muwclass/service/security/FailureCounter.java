package org.muwclass.service.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed password checks per client address in fixed windows: once an address has {@code limit} failures in a
 * window, its further password checks are refused (429) until the window ends, so guessing costs the service at
 * most {@code limit} PBKDF2 derivations per address and window. Anonymous requests, remembered logins and bearer
 * tokens are not affected (see {@link Authenticator}).
 */
public final class FailureCounter {

    private static final int ADDRESS_LIMIT = 100_000;

    private record Window(Instant start, int failures) {
    }

    private final int limit;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Window> byAddress = new ConcurrentHashMap<>();

    /**
     * @param limit  failures allowed per window
     * @param window window length
     */
    public FailureCounter(int limit, Duration window, Clock clock) {
        this.limit = limit;
        this.window = window;
        this.clock = clock;
    }

    /**
     * The key failures are counted under: the IPv4 address, or the /64 prefix of an IPv6 address (one host
     * usually holds a whole /64, so counting single IPv6 addresses would not cap anything).
     */
    static String key(String address) {
        if (address == null || !address.contains(":") || !address.matches("[0-9A-Fa-f:.%\\[\\]a-zA-Z]+")) {
            return address == null ? "unknown" : address;
        }
        try {
            String literal = address.replace("[", "").replace("]", "");
            int zone = literal.indexOf('%');
            byte[] b = java.net.InetAddress.getByName(zone < 0 ? literal : literal.substring(0, zone)).getAddress();
            return b.length == 16 ? java.util.HexFormat.of().formatHex(b, 0, 8) + "::/64" : address;
        } catch (java.net.UnknownHostException e) {
            return address;
        }
    }

    /** Seconds until {@code address} may try again, or 0 when it may now. */
    public long blockedForSeconds(String address) {
        Window w = byAddress.get(key(address));
        Instant now = clock.instant();
        if (w == null || w.failures() < limit || !now.isBefore(w.start().plus(window))) {
            return 0;
        }
        return Math.max(1, Duration.between(now, w.start().plus(window)).toSeconds());
    }

    /** Counts one failure of {@code address}. */
    public void failed(String address) {
        Instant now = clock.instant();
        if (byAddress.size() >= ADDRESS_LIMIT) {
            byAddress.values().removeIf(w -> !now.isBefore(w.start().plus(window)));
        }
        byAddress.compute(key(address), (a, w) -> w == null || !now.isBefore(w.start().plus(window))
                ? new Window(now, 1) : new Window(w.start(), w.failures() + 1));
    }

    public int limit() {
        return limit;
    }

    public Duration window() {
        return window;
    }
}
