package io.otos.core.auth;

import io.otos.core.allowlist.AllowlistCsv;
import io.otos.core.allowlist.AllowlistEntry;
import io.otos.core.audit.AdminAction;
import io.otos.core.audit.AuditTrail;
import io.otos.core.device.DeviceNumber;
import io.otos.core.secret.DeviceKeys;
import io.otos.core.secret.Hmac;
import io.otos.core.shared.DomainException;
import io.otos.core.template.TemplateService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Hands out devices' derived keys (sign method {@code hmac-sha256-device}) to manufacturing lines,
 * which flash each device with its own key instead of the template secret. Every call is audited.
 */
@ApplicationScoped
@Transactional
public class DeviceKeyService {

  /** The most device numbers one request may ask keys for: a large production batch. */
  public static final int MAX_NUMBERS = 100_000;

  private final TemplateService templates;
  private final AuditTrail audit;

  @Inject
  public DeviceKeyService(TemplateService templates, AuditTrail audit) {
    this.templates = templates;
    this.audit = audit;
  }

  /** Needed by CDI for the client proxy. */
  protected DeviceKeyService() {
    this(null, null);
  }

  /** A device number and its key, in lowercase hex. {@link #toString()} never shows the key. */
  public record DeviceKey(String deviceNumber, String key) {
    @Override
    public String toString() {
      return "DeviceKey[deviceNumber=" + deviceNumber + ", key=hidden]";
    }
  }

  /** The key of one device of the template, derived from its current secret. */
  public DeviceKey keyFor(UUID templateId, String deviceNumber, String actor, String source) {
    String number = new DeviceNumber(deviceNumber).value();
    DeviceKey key = templates.withCurrentSecret(templateId, secret -> derive(secret, number));
    audit.record(
        new AdminAction(actor, source, AdminAction.DEVICE_KEYS_ISSUED, templateId, number));
    return key;
  }

  /**
   * The keys of the devices listed in {@code csv} (the allowlist's file format), in its order.
   *
   * @throws DomainException {@code DEVICE_NUMBERS_INVALID} naming the first wrong line; no key is
   *     handed out then
   */
  public List<DeviceKey> keysFor(UUID templateId, Reader csv, String actor, String source) {
    List<String> numbers = numbers(AllowlistCsv.parse(csv));
    List<DeviceKey> keys =
        templates.withCurrentSecret(
            templateId,
            secret -> {
              List<DeviceKey> derived = new ArrayList<>(numbers.size());
              numbers.forEach(number -> derived.add(derive(secret, number)));
              return derived;
            });
    audit.record(
        new AdminAction(
            actor,
            source,
            AdminAction.DEVICE_KEYS_ISSUED,
            templateId,
            numbers.size()
                + " device numbers, from "
                + numbers.get(0)
                + " to "
                + numbers.get(numbers.size() - 1)));
    return keys;
  }

  private static List<String> numbers(AllowlistCsv.Parsed parsed) {
    if (!parsed.problems().isEmpty()) {
      var first = parsed.problems().get(0);
      throw invalid("line " + first.line() + ": " + first.message());
    }
    if (parsed.entries().isEmpty()) {
      throw invalid("the list holds no device number");
    }
    if (parsed.entries().size() > MAX_NUMBERS) {
      throw invalid("a request may ask for at most " + MAX_NUMBERS + " device keys");
    }
    List<String> numbers = new ArrayList<>(parsed.entries().size());
    for (AllowlistEntry entry : parsed.entries()) {
      try {
        numbers.add(new DeviceNumber(entry.deviceNumber()).value());
      } catch (DomainException wrong) {
        throw invalid("line " + entry.line() + ": " + wrong.getMessage());
      }
    }
    return numbers;
  }

  private static DeviceKey derive(String secret, String number) {
    return new DeviceKey(number, Hmac.hex(DeviceKeys.derive(secret, number)));
  }

  private static DomainException invalid(String message) {
    return DomainException.invalid("DEVICE_NUMBERS_INVALID", message);
  }
}
