package org.muwclass.service.security;

import java.security.Principal;
import java.util.Objects;
import java.util.Set;

/**
 * The identity a request was authenticated as.
 *
 * @param name   owner id of the jobs it creates
 * @param roles  roles, e.g. "operator"
 * @param scheme how it was established: {@value #BASIC}, {@value #BEARER} or {@value #PROXY}
 */
public record AuthenticatedUser(String name, Set<String> roles, String scheme) implements Principal {

    public static final String BASIC = "BASIC";
    public static final String BEARER = "BEARER";
    /** named by the trusted proxy's owner header (muwclass.jobs.owner.header) */
    public static final String PROXY = "PROXY";

    public AuthenticatedUser {
        Objects.requireNonNull(name, "name");
        roles = Set.copyOf(roles);
        Objects.requireNonNull(scheme, "scheme");
    }

    @Override
    public String getName() {
        return name;
    }
}
