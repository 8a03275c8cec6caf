package org.muwclass.service.uws.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.security.Principal;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.muwclass.service.dali.DaliParameters;
import org.muwclass.service.security.AuthenticatedUser;
import org.muwclass.service.uws.Caller;

/** The one request-context bean of the UWS endpoints: caller, owner and query string. */
class UwsRequestContextTest {

    /** An implementation of {@code type} answering {@code method} with {@code value}, anything else with null. */
    private static <T> T stub(Class<T> type, String method, Object value) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[]{type},
                (proxy, m, args) -> m.getName().equals(method) ? value : null));
    }

    private static SecurityContext as(Principal principal) {
        return stub(SecurityContext.class, "getUserPrincipal", principal);
    }

    @Test
    void anAuthenticatedCallerOwnsItsJobsAndCarriesItsRolesAndAddress() {
        UwsRequestContext rc = UwsRequestContext.of(as(new AuthenticatedUser("alice", Set.of("operator"),
                AuthenticatedUser.BASIC)), null, null, stub(HttpServletRequest.class, "getRemoteAddr", "10.0.0.7"));
        assertEquals(new Caller("alice", Set.of("operator"), "10.0.0.7"), rc.caller());
        assertEquals("alice", rc.owner());
    }

    @Test
    void anAnonymousCallerOwnsNothingAndIsKnownByAddress() {
        UwsRequestContext rc = UwsRequestContext.of(as(null), null, null,
                stub(HttpServletRequest.class, "getRemoteAddr", "10.0.0.8"));
        assertNull(rc.owner());
        assertEquals(Caller.anonymous("10.0.0.8"), rc.caller());
        assertNull(UwsRequestContext.of(null, null, null, null).owner());
    }

    @Test
    void theQueryStringIsReadInTheOrderSent() throws Exception {
        UriInfo uri = stub(UriInfo.class, "getRequestUri",
                URI.create("http://h/classify?PHASE=EXECUTING&phase=QUEUED&LAST=5"));
        assertEquals(DaliParameters.of("PHASE", "EXECUTING", "phase", "QUEUED", "LAST", "5"),
                UwsRequestContext.of(null, null, uri, null).query());
        assertEquals(DaliParameters.EMPTY, UwsRequestContext.of(null, null, null, null).query());
    }
}
