package io.otos.server.shutdown;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready once shutting down: the load balancer should stop sending devices here. */
@Readiness
@ApplicationScoped
public class ShutdownReadiness implements HealthCheck {

  @Inject Shutdown shutdown;

  @Override
  public HealthCheckResponse call() {
    var response = HealthCheckResponse.named("accepting");
    return shutdown.underway()
        ? response.down().withData("reason", "the node is shutting down").build()
        : response.up().build();
  }
}
