package io.otos.server.health;

import io.otos.core.store.SchemaMigration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only once the start-up migration has brought the schema up to date. */
@Readiness
@ApplicationScoped
public class SchemaReadiness implements HealthCheck {

  @Inject SchemaMigration migration;

  @Override
  public HealthCheckResponse call() {
    var response = HealthCheckResponse.named("schema");
    return migration
        .version()
        .map(version -> response.up().withData("version", version).build())
        .orElseGet(() -> response.down().withData("reason", "migrations have not run").build());
  }
}
