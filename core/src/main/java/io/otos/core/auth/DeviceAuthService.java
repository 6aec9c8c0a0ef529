package io.otos.core.auth;

import io.otos.core.audit.AuditTrail;
import io.otos.core.audit.AuthAttempt;
import io.otos.core.audit.AuthOutcome;
import io.otos.core.shared.DomainException;
import io.otos.core.store.StoreFailures;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The device auth API's use case: a device presents its template secret and its number and receives
 * its voucher. Every attempt is audited, successful or not.
 *
 * <p>Concurrent first authentications of one device number create one device: the database keeps
 * the first insert, and a request that loses another race (a sub-device address taken at the same
 * moment) is run again and then sees the winner.
 *
 * <p>Concurrent requests are provisioned in shared transactions ({@link GroupedProvisioning}), each
 * answered, stored and audited as if it had come alone.
 */
@ApplicationScoped
public class DeviceAuthService {

  private static final Logger LOG = Logger.getLogger(DeviceAuthService.class.getName());
  private static final int MAX_TRIES = 3;

  private final GroupedProvisioning provisioning;
  private final AuditTrail audit;
  private final FailureLimits limits;
  private final TemplateCredentials credentials;

  @Inject
  public DeviceAuthService(
      GroupedProvisioning provisioning,
      AuditTrail audit,
      FailureLimits limits,
      TemplateCredentials credentials) {
    this.provisioning = provisioning;
    this.audit = audit;
    this.limits = limits;
    this.credentials = credentials;
  }

  /** Needed by CDI for the client proxy. */
  protected DeviceAuthService() {
    this(null, null, null, null);
  }

  /**
   * Authenticates a device and issues its voucher.
   *
   * @param source the address the request came from, for the audit trail
   * @throws TooManyFailuresException when the address, device number or template has failed too
   *     often lately; this refusal is counted in metrics, not audited (it costs no work)
   * @throws DomainException when the request is refused; the refusal is audited
   */
  public AuthResult authenticate(AuthRequest request, String source) {
    limits.admit(source, request.deviceNumber());
    AttemptContext context = new AttemptContext();
    try {
      ValidAuthRequest valid = ValidAuthRequest.of(request);
      if (valid.credential() instanceof SignedRequest signed) {
        credentials.verify(signed, context);
      }
      return provisionWithRetry(valid, source, context);
    } catch (TooManyFailuresException throttled) {
      throw throttled;
    } catch (DomainException refused) {
      limits.failed(source, request.deviceNumber(), context.acceptedTemplateId());
      recordFailure(
          request.deviceNumber(), source, context, refused.auditReason(), refused.getMessage());
      throw refused;
    } catch (RuntimeException failure) {
      // The service's failure, not the client's: it does not count against the limits.
      if (!StoreFailures.isUnavailable(failure)) { // if it is, the audit cannot be written either
        recordFailure(request.deviceNumber(), source, context, "SERVICE_FAILURE", null);
      }
      throw failure;
    }
  }

  /**
   * Audits a request that could not even be read (malformed JSON, wrong types, too large).
   *
   * @throws TooManyFailuresException instead, when the address or number has failed too often
   */
  public void rejected(String deviceNumber, String source, String code, String message) {
    limits.admit(source, deviceNumber);
    limits.failed(source, deviceNumber, null);
    recordFailure(deviceNumber, source, new AttemptContext(), code, message);
  }

  private AuthResult provisionWithRetry(
      ValidAuthRequest request, String source, AttemptContext context) {
    for (int attempt = 1; ; attempt++) {
      try {
        return provisioning.provision(request, source, context);
      } catch (DomainException refused) {
        throw refused;
      } catch (RuntimeException failure) {
        if (attempt >= MAX_TRIES || !StoreFailures.isLostRace(failure)) {
          throw failure;
        }
        LOG.fine(() -> "Provisioning lost a race with a concurrent one; trying again");
      }
    }
  }

  private void recordFailure(
      String deviceNumber, String source, AttemptContext context, String code, String message) {
    try {
      audit.recordApart(
          new AuthAttempt(
                  source,
                  deviceNumber,
                  context.templateId(),
                  context.deviceId(),
                  AuthOutcome.FAILURE,
                  code,
                  message)
              .withSecretUsed(context.secretUsed() == null ? null : context.secretUsed().name())
              .withCredential(context.credential()));
    } catch (RuntimeException auditFailure) {
      LOG.log(
          Level.WARNING,
          "Could not record a failed auth attempt in the audit trail: {0}",
          auditFailure.getClass().getName());
    }
  }
}
