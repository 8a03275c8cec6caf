package org.muwclass.service.uws.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.muwclass.service.security.AuthenticatedUser;
import org.muwclass.service.dali.DaliParameters;

class PublishCheckTest {

    static SecurityContext as(AuthenticatedUser user) {
        return new SecurityContext() {
            @Override
            public Principal getUserPrincipal() {
                return user;
            }

            @Override
            public boolean isUserInRole(String role) {
                return user != null && user.roles().contains(role);
            }

            @Override
            public boolean isSecure() {
                return false;
            }

            @Override
            public String getAuthenticationScheme() {
                return user == null ? null : user.scheme();
            }
        };
    }

    @Test
    void publishingNeedsTheOperatorRole() throws Exception {
        SecurityContext anonymous = as(null);
        SecurityContext plain = as(new AuthenticatedUser("pat", Set.of(), AuthenticatedUser.BASIC));
        SecurityContext operator = as(new AuthenticatedUser("olga", Set.of("operator"), AuthenticatedUser.BEARER));
        assertEquals("PUBLISH=yes is refused: publishing into muwclass.classified_sources needs the role 'operator'"
                + " (muwclass.auth.operator.role); this request is anonymous. Leave PUBLISH out or send PUBLISH=no to"
                + " classify without publishing.", assertThrows(NotPermittedException.class,
                () -> ClassifyResource.checkPublish(DaliParameters.of("PUBLISH", "yes"), anonymous, "operator"))
                .getMessage());
        assertEquals("PUBLISH=TRUE is refused: publishing into muwclass.classified_sources needs the role 'operator'"
                + " (muwclass.auth.operator.role), which pat does not have. Leave PUBLISH out or send PUBLISH=no to"
                + " classify without publishing.", assertThrows(NotPermittedException.class,
                () -> ClassifyResource.checkPublish(DaliParameters.of("publish", " TRUE "), plain, "operator"))
                .getMessage());
        assertThrows(NotPermittedException.class, () -> ClassifyResource.checkPublish(
                DaliParameters.of("PUBLISH", "no", "PUBLISH", "1"), plain, "operator"), "any value asking counts");
        ClassifyResource.checkPublish(DaliParameters.of("PUBLISH", "yes"), operator, "operator");
        ClassifyResource.checkPublish(DaliParameters.of("PUBLISH", "no", "DRAWS", "5"), anonymous, "operator");
        ClassifyResource.checkPublish(DaliParameters.EMPTY, anonymous, "operator");
    }
}
