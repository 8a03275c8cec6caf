package org.muwclass.service.uws.http;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Locale;
import org.muwclass.service.dali.DaliParameters;

/** UWS 1.1 classification jobs at /classify (job kind "classify"). */
@Path("classify")
@RequestScoped
public class ClassifyResource extends UwsJobsResource {

    @Override
    protected String kind() {
        return "classify";
    }

    @Override
    protected String listPath() {
        return "classify";
    }

    /**
     * Publishing writes into the public table muwclass.classified_sources, so PUBLISH=yes (or true, 1) needs the
     * operator role (muwclass.auth.operator.role). Checked here, in the HTTP layer, so the service's own demo
     * runs, which do not come through HTTP, are unaffected.
     */
    @Override
    protected void authorize(DaliParameters parameters, SecurityContext security) throws NotPermittedException {
        checkPublish(parameters, security, security().operatorRole());
    }

    /** Refuses PUBLISH=yes unless {@code security} has {@code role}; the message names both. */
    static void checkPublish(DaliParameters parameters, SecurityContext security, String role)
            throws NotPermittedException {
        for (String v : parameters.all("PUBLISH")) {
            if (publishes(v) && (security == null || !security.isUserInRole(role))) {
                throw new NotPermittedException("PUBLISH=" + shown(v) + " is refused: publishing into"
                        + " muwclass.classified_sources needs the role '" + role + "' (muwclass.auth.operator.role)"
                        + (security == null || security.getUserPrincipal() == null ? "; this request is anonymous"
                        : ", which " + security.getUserPrincipal().getName() + " does not have")
                        + ". Leave PUBLISH out or send PUBLISH=no to classify without publishing.");
            }
        }
    }

    private static String shown(String v) {
        String t = v.strip().replaceAll("\\p{Cntrl}", "?");
        return t.length() > 40 ? t.substring(0, 40) + "..." : t;
    }

    /** Whether a PUBLISH value asks to publish; anything that is not clearly "no" counts as asking. */
    static boolean publishes(String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "no", "false", "0", "" -> false;
            default -> true;
        };
    }
}
