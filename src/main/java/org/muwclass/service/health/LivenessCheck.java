package org.muwclass.service.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.muwclass.service.app.ServiceRuntime;

/** Live unless start-up failed for good (a restart is then the only cure). */
@Liveness
@ApplicationScoped
public class LivenessCheck implements HealthCheck {

    @Inject
    ServiceRuntime runtime;

    @Override
    public HealthCheckResponse call() {
        String error = runtime.startupError();
        return HealthCheckResponse.named("muwclass-startup")
                .status(error == null)
                .withData("error", error == null ? "none" : error)
                .build();
    }
}
