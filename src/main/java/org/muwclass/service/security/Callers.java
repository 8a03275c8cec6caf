package org.muwclass.service.security;

import java.security.Principal;
import java.util.Set;
import org.muwclass.service.uws.Caller;

/** Builds the {@link Caller} of a request from what {@link AuthenticationFilter} established. */
public final class Callers {

    private Callers() {
    }

    /**
     * @param principal the request's principal (an {@link AuthenticatedUser}, or null when anonymous)
     * @param address   the client's network address
     */
    public static Caller of(Principal principal, String address) {
        if (principal instanceof AuthenticatedUser u) {
            return new Caller(u.name(), u.roles(), address);
        }
        if (principal != null && principal.getName() != null && !principal.getName().isBlank()
                && !UserStore.isReserved(principal.getName())) {
            return new Caller(principal.getName(), Set.of(), address); // a container login, if one is ever set up
        }
        return Caller.anonymous(address);
    }
}
