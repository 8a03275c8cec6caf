package org.muwclass.service.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.muwclass.service.app.ServiceRuntime;
import org.muwclass.service.vosi.Availability;
import org.muwclass.service.vosi.AvailabilityResource;

/** Ready when start-up has loaded the data and the database answers. */
@Readiness
@ApplicationScoped
public class ReadinessCheck implements HealthCheck {

    @Inject
    ServiceRuntime runtime;

    @Override
    public HealthCheckResponse call() {
        Availability a = AvailabilityResource.current(runtime);
        return HealthCheckResponse.named("muwclass-database")
                .status(a.isAvailable())
                .withData("note", String.join("; ", a.getNotes()))
                .build();
    }
}
