package org.muwclass.service.uws;

import java.util.Objects;
import java.util.Set;

/**
 * Who sends a request, as the protocol layer established it.
 *
 * @param owner   authenticated identity, or null for an anonymous client
 * @param roles   roles of the authenticated identity (empty when anonymous), e.g. "operator"
 * @param address the client's network address, used to share quotas among anonymous requests
 */
public record Caller(String owner, Set<String> roles, String address) {

    /** The service itself (demo-field runs, recovery): no quota applies. */
    public static final Caller SERVICE = new Caller("muwclass-service", Set.of("service"), "local");

    public Caller {
        roles = Set.copyOf(Objects.requireNonNull(roles, "roles"));
        address = address == null ? "unknown" : address;
    }

    public static Caller anonymous(String address) {
        return new Caller(null, Set.of(), address);
    }

    public boolean anonymous() {
        return owner == null;
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /** The key quotas are counted under: the identity, or the address for anonymous clients. */
    public String quotaKey() {
        return owner != null ? "user:" + owner : "addr:" + address;
    }
}
