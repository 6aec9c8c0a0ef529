package io.otos.server.metrics;

import io.otos.api.error.ServerErrorAnswered;
import io.otos.core.account.SignInThrottled;
import io.otos.core.audit.AuthAttempted;
import io.otos.core.auth.AuthThrottled;
import io.otos.core.auth.DeviceProvisioned;
import io.otos.core.store.ConnectionUsage;
import io.otos.core.voucher.RevocationReason;
import io.otos.core.voucher.VoucherIssued;
import io.otos.core.voucher.VoucherRevoked;
import io.otos.server.OtosDataSource;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.Locale;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * Counts what the domain reports, once its transaction has committed, and the API's answers of 5xx,
 * into the application registry that {@code /metrics} exposes in Prometheus text. Reasons are
 * stable codes, so the label sets stay small.
 */
@ApplicationScoped
public class OtosMetrics {

  private static final String AUTH_THROTTLED = "otos_auth_throttled";
  private static final String SIGN_INS_THROTTLED = "otos_console_sign_ins_throttled";
  private static final String DEVICES_PROVISIONED = "otos_devices_provisioned";
  private static final String VOUCHERS_ISSUED = "otos_vouchers_issued";
  private static final String VOUCHERS_REVOKED = "otos_vouchers_revoked";
  private static final String SERVER_ERRORS = "otos_api_server_errors";

  @Inject MetricRegistry registry;
  private Counters counters;

  @PostConstruct
  void counters() {
    counters = new Counters(registry);
  }

  void started(@Observes @Initialized(ApplicationScoped.class) Object context) {
    // Listed at 0 from the start: Prometheus' increase() and rate() miss a series' first count, so
    // a counter that appeared with its first event would lose that event after every restart.
    AuthThrottled.LIMITS.forEach(this::authThrottled);
    SignInThrottled.LIMITS.forEach(this::signInsThrottled);
    for (RevocationReason reason : RevocationReason.values()) {
      vouchersRevoked(reason);
    }
    for (String endpoint : ServerErrorAnswered.ENDPOINTS) {
      for (int status : ServerErrorAnswered.STATUSES) {
        serverErrors(endpoint, status);
      }
    }
    counters.of(DEVICES_PROVISIONED);
    counters.of(VOUCHERS_ISSUED);
    ConnectionUsage usage = ConnectionUsage.instance();
    registry.gauge(
        Metadata.builder()
            .withName("otos_db_connections_in_use")
            .withDescription("Database connections OTOS holds now")
            .build(),
        usage::inUse);
    registry.gauge(
        Metadata.builder()
            .withName("otos_db_connections_waiting")
            .withDescription("Requests waiting for the pool to hand them a database connection")
            .build(),
        usage::waiting);
    registry.gauge(
        Metadata.builder()
            .withName("otos_db_connections_max")
            .withDescription("The most connections the pool opens")
            .build(),
        () -> OtosDataSource.MAX_POOL_SIZE);
  }

  void attempted(@Observes(during = TransactionPhase.AFTER_SUCCESS) AuthAttempted attempt) {
    counters
        .of(
            "otos_auth_attempts",
            "outcome",
            attempt.outcome().name(),
            "reason",
            attempt.reason(),
            "mode",
            attempt.credential().map(kind -> kind.toLowerCase(Locale.ROOT)).orElse("none"))
        .inc();
  }

  void throttled(@Observes AuthThrottled event) {
    authThrottled(event.limit()).inc();
  }

  void serverError(@Observes ServerErrorAnswered event) {
    serverErrors(event.endpoint(), event.status()).inc();
  }

  void signInThrottled(@Observes SignInThrottled event) {
    signInsThrottled(event.limit()).inc();
  }

  void provisioned(@Observes(during = TransactionPhase.AFTER_SUCCESS) DeviceProvisioned event) {
    if (event.firstProvisioning()) {
      counters.of(DEVICES_PROVISIONED).inc();
    }
  }

  void issued(@Observes(during = TransactionPhase.AFTER_SUCCESS) VoucherIssued event) {
    counters.of(VOUCHERS_ISSUED).inc();
  }

  void revoked(@Observes(during = TransactionPhase.AFTER_SUCCESS) VoucherRevoked event) {
    vouchersRevoked(event.reason()).inc();
  }

  // Each tagged counter is named and tagged in one place, for the listing at the start and the
  // counting alike: a difference between the two would list one series and count another.

  private Counter authThrottled(String limit) {
    return counters.of(AUTH_THROTTLED, "limit", limit);
  }

  private Counter signInsThrottled(String limit) {
    return counters.of(SIGN_INS_THROTTLED, "limit", limit);
  }

  private Counter vouchersRevoked(RevocationReason reason) {
    return counters.of(VOUCHERS_REVOKED, "reason", reason.name());
  }

  private Counter serverErrors(String endpoint, int status) {
    return counters.of(SERVER_ERRORS, "endpoint", endpoint, "status", String.valueOf(status));
  }
}
