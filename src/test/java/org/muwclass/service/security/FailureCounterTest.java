package org.muwclass.service.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FailureCounterTest {

    @Test
    void blocksAnAddressAfterTheLimitUntilTheWindowEnds() {
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        FailureCounter c = new FailureCounter(3, Duration.ofSeconds(60), clock);
        c.failed("10.0.0.1");
        c.failed("10.0.0.1");
        assertEquals(0, c.blockedForSeconds("10.0.0.1"), "2 of 3");
        c.failed("10.0.0.1");
        clock.advance(Duration.ofSeconds(20));
        assertEquals(40, c.blockedForSeconds("10.0.0.1"));
        assertEquals(0, c.blockedForSeconds("10.0.0.2"), "other addresses unaffected");
        clock.advance(Duration.ofSeconds(40));
        assertEquals(0, c.blockedForSeconds("10.0.0.1"), "window over");
        c.failed("10.0.0.1");
        assertEquals(0, c.blockedForSeconds("10.0.0.1"), "a new window starts at 1");
    }

    @Test
    void ipv6AddressesCountPerSlash64() {
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        FailureCounter c = new FailureCounter(2, Duration.ofSeconds(60), clock);
        c.failed("2001:db8:1:2::1");
        c.failed("2001:db8:1:2:ffff::7");
        assertEquals(60, c.blockedForSeconds("[2001:db8:1:2::99]"), "same /64");
        assertEquals(0, c.blockedForSeconds("2001:db8:1:3::1"), "another /64");
        assertEquals("20010db800010002::/64", FailureCounter.key("2001:db8:1:2::1%eth0"));
        assertEquals("10.0.0.1", FailureCounter.key("10.0.0.1"));
    }
}
