package io.otos.core.template;

import io.otos.core.secret.KeyedHash;
import io.otos.core.shared.Clocks;
import io.otos.core.shared.DomainException;
import io.otos.core.shared.Page;
import io.otos.core.shared.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * Creates device templates, changes their policies, rotates their secrets, and finds them: by id
 * for admins, by secret for devices.
 */
@ApplicationScoped
@Transactional
public class TemplateService {

  /** The longest a replaced secret may stay valid. */
  public static final Duration MAX_GRACE = Duration.ofDays(90);

  private final DeviceTemplateRepository templates;
  private final KeyedHash keyedHash;

  @Inject
  public TemplateService(DeviceTemplateRepository templates, KeyedHash keyedHash) {
    this.templates = templates;
    this.keyedHash = keyedHash;
  }

  /** Needed by CDI for the client proxy. */
  protected TemplateService() {
    this(null, null);
  }

  /**
   * Creates a template with a generated secret, or with {@code chosenSecret} when one is given (to
   * adopt a fleet already manufactured with it). Two templates never share a secret.
   */
  public NewTemplate create(String name, Optional<String> chosenSecret) {
    TemplateSecret secret = chosenOrGenerated(chosenSecret);
    DeviceTemplate template = new DeviceTemplate(name, unusedHash(secret));
    templates.add(template);
    return new NewTemplate(template, secret);
  }

  /**
   * Gives the template a new secret (generated, or {@code chosenSecret}) and keeps the one it
   * replaces valid for {@code grace} (zero: invalid at once). A secret from an earlier rotation
   * stops working.
   */
  public NewTemplate rotateSecret(UUID id, Optional<String> chosenSecret, Duration grace) {
    if (grace.isNegative() || grace.compareTo(MAX_GRACE) > 0) {
      throw DomainException.invalid(
          "GRACE_SECONDS_INVALID",
          "grace_seconds must be between 0 and " + MAX_GRACE.toSeconds() + " (90 days)");
    }
    DeviceTemplate template = get(id);
    templates.lock(template); // two rotations at once: the second sees the first's secret
    TemplateSecret secret = chosenOrGenerated(chosenSecret);
    template.rotateSecret(unusedHash(secret), Clocks.now().plus(grace));
    templates.flush();
    return new NewTemplate(template, secret);
  }

  /** Changes the template's name or policies; they apply to the very next request. */
  public DeviceTemplate change(UUID id, TemplateChanges changes) {
    DeviceTemplate template = get(id);
    template.change(changes);
    return template;
  }

  /**
   * The template whose current or previous secret this is, if any; the stored hashes are compared
   * in constant time.
   */
  public Optional<SecretMatch> findBySecret(String secret) {
    byte[] hash = keyedHash.hash(secret);
    return templates
        .findBySecretHash(hash)
        .flatMap(
            template -> template.secretWithHash(hash).map(used -> new SecretMatch(template, used)));
  }

  /**
   * Locks the template until the transaction ends, so that devices added under a cap are counted
   * one at a time.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void lockForNewDevice(DeviceTemplate template) {
    templates.lock(template);
  }

  public DeviceTemplate get(UUID id) {
    return templates.find(id).orElseThrow(TemplateNotFoundException::new);
  }

  public Page<DeviceTemplate> list(PageRequest page) {
    return templates.list(page);
  }

  public long count() {
    return templates.count();
  }

  private static TemplateSecret chosenOrGenerated(Optional<String> chosen) {
    return chosen.map(TemplateSecret::chosen).orElseGet(TemplateSecret::generate);
  }

  private byte[] unusedHash(TemplateSecret secret) {
    byte[] hash = keyedHash.hash(secret.reveal());
    if (templates.findBySecretHash(hash).isPresent()) {
      throw secretInUse();
    }
    return hash;
  }

  static DomainException secretInUse() {
    return new DomainException(
        DomainException.Kind.CONFLICT,
        "TEMPLATE_SECRET_IN_USE",
        "template_secret is already a secret of a template; choose another one");
  }
}
