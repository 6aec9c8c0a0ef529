package io.otos.server.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while PostgreSQL answers: a node that cannot reach it must not receive devices. */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

  static final int TIMEOUT_SECONDS = 2;

  @Resource(lookup = "java:app/jdbc/otos")
  DataSource dataSource;

  @Override
  public HealthCheckResponse call() {
    var response = HealthCheckResponse.named("database");
    try (Connection connection = dataSource.getConnection()) {
      return connection.isValid(TIMEOUT_SECONDS)
          ? response.up().build()
          : response.down().withData("reason", "the connection did not answer within 2 s").build();
    } catch (SQLException e) {
      return response.down().withData("reason", "no connection to PostgreSQL").build();
    }
  }
}
