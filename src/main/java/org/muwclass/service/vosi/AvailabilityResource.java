package org.muwclass.service.vosi;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.muwclass.service.app.ServiceRuntime;

/**
 * VOSI availability of the whole service; the TAP resource serves the same document at /tap/availability. One
 * instance for the application: no bean is created and injected per request (under a burst of requests the
 * container's per-request injection serialised on a shared table).
 */
@Path("availability")
@ApplicationScoped
public class AvailabilityResource {

    @Inject
    ServiceRuntime runtime;

    @GET
    @Produces({MediaType.TEXT_XML, MediaType.APPLICATION_XML})
    public Availability availability() {
        return current(runtime);
    }

    /**
     * The availability now: up when start-up finished and the database answered its last check. The check runs in
     * the background at most once a second ({@link DatabaseProbe}), so this never waits for a database connection.
     */
    public static Availability current(ServiceRuntime runtime) {
        if (!runtime.ready()) {
            String why = runtime.startupError() != null ? "Start-up failed: " + runtime.startupError()
                    : "The service is starting";
            return new Availability(false, null, List.of(why));
        }
        String up = DateTimeFormatter.ISO_INSTANT.format(runtime.upSince().truncatedTo(ChronoUnit.SECONDS));
        // the last known answer of a background check: never a store connection on the request thread
        DatabaseProbe.State db = DatabaseProbe.instance().state(runtime.database());
        if (!db.ok()) {
            return new Availability(false, up, List.of(db.failure()));
        }
        return new Availability(true, up, List.of("MUWCLASS-VO is accepting queries and jobs"));
    }
}
