package io.otos.core.template;

import io.otos.core.secret.Hmac;
import io.otos.core.secret.KeyedHash;
import io.otos.core.secret.Randomness;
import io.otos.core.secret.SecretBox;
import io.otos.core.shared.Clocks;
import io.otos.core.shared.DomainException;
import io.otos.core.shared.Page;
import io.otos.core.shared.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Creates device templates, changes their policies, rotates their secrets, and finds them: by id
 * for admins, by secret for devices.
 */
@ApplicationScoped
@Transactional
public class TemplateService {

  /** The longest a replaced secret may stay valid. */
  public static final Duration MAX_GRACE = Duration.ofDays(90);

  /** Stands in for a secret where there is none, so that a refusal costs what a check does. */
  private static final String NO_SECRET = "no secret: the template has none to verify against";

  private static final UUID STAND_IN_OWNER = new UUID(0, 0);
  private static final Logger LOG = Logger.getLogger(TemplateService.class.getName());
  private volatile byte[] standIn;

  private final DeviceTemplateRepository templates;
  private final KeyedHash keyedHash;
  private final SecretBox box;

  @Inject
  public TemplateService(DeviceTemplateRepository templates, KeyedHash keyedHash, SecretBox box) {
    this.templates = templates;
    this.keyedHash = keyedHash;
    this.box = box;
  }

  /** Needed by CDI for the client proxy. */
  protected TemplateService() {
    this(null, null, null);
  }

  /**
   * Creates a template with a generated secret, or with {@code chosenSecret} when one is given (to
   * adopt a fleet already manufactured with it). Two templates never share a secret.
   */
  public NewTemplate create(String name, Optional<String> chosenSecret) {
    TemplateSecret secret = chosenOrGenerated(chosenSecret);
    UUID id = Randomness.uuid();
    DeviceTemplate template = new DeviceTemplate(id, name, stored(secret, id));
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
    // Locked: of two rotations at once, the second sees the first's secret.
    DeviceTemplate template = templates.lock(id).orElseThrow(TemplateNotFoundException::new);
    TemplateSecret secret = chosenOrGenerated(chosenSecret);
    template.rotateSecret(stored(secret, id), Clocks.now().plus(grace));
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
    return findBySecret(secret, List.of());
  }

  /**
   * As {@link #findBySecret(String)}, looking first among templates this transaction has read
   * already: the requests of a group mostly share one.
   */
  public Optional<SecretMatch> findBySecret(String secret, Collection<DeviceTemplate> read) {
    byte[] hash = keyedHash.hash(secret);
    for (DeviceTemplate template : read) {
      Optional<SecretUsed> used = template.secretWithHash(hash);
      if (used.isPresent()) {
        return Optional.of(new SecretMatch(template, used.get()));
      }
    }
    return templates
        .findBySecretHash(hash)
        .flatMap(
            template -> template.secretWithHash(hash).map(used -> new SecretMatch(template, used)));
  }

  /**
   * Which of the template's secrets signed a request, if one did and is still kept: {@code
   * signature} is compared in constant time with what {@code signer} computes from the current
   * secret, and from the previous one. Both are always computed, so that the answer takes as long
   * whichever it is.
   */
  public Optional<SecretMatch> findSigner(
      DeviceTemplate template, Function<String, byte[]> signer, byte[] signature) {
    boolean current = signedWith(template, SecretUsed.CURRENT, signer, signature);
    boolean previous = signedWith(template, SecretUsed.PREVIOUS, signer, signature);
    if (current) {
      return Optional.of(new SecretMatch(template, SecretUsed.CURRENT));
    }
    return previous
        ? Optional.of(new SecretMatch(template, SecretUsed.PREVIOUS))
        : Optional.empty();
  }

  /**
   * Does the work of {@link #findSigner} for a template that does not exist, so that a refusal
   * takes as long whether the template exists or not.
   */
  public void spendVerification(Function<String, byte[]> signer, byte[] signature) {
    Hmac.equal(signer.apply(box.open(standIn(), STAND_IN_OWNER)), signature);
    Hmac.equal(signer.apply(box.open(standIn(), STAND_IN_OWNER)), signature);
  }

  /**
   * What {@code derive} makes of the template's current secret, such as a device's derived key.
   *
   * @throws DomainException {@code SIGNED_MODE_UNAVAILABLE} when the secret predates sealed storage
   */
  public <T> T withCurrentSecret(UUID id, Function<String, T> derive) {
    DeviceTemplate template = get(id);
    byte[] sealed =
        template
            .sealedSecret(SecretUsed.CURRENT)
            .orElseThrow(
                () ->
                    DeviceTemplate.signedModeUnavailable(
                        "this template's secret predates signed requests; rotate it first"));
    String secret =
        opened(sealed, id)
            .orElseThrow(
                () ->
                    DeviceTemplate.signedModeUnavailable(
                        "this template's secret cannot be opened with the server's OTOS_SECRET_KEY;"
                            + " rotate it first"));
    return derive.apply(secret);
  }

  private boolean signedWith(
      DeviceTemplate template, SecretUsed used, Function<String, byte[]> signer, byte[] signature) {
    Optional<byte[]> sealed = template.sealedSecret(used);
    Optional<String> secret = sealed.flatMap(s -> opened(s, template.id()));
    String key = secret.orElseGet(() -> box.open(standIn(), STAND_IN_OWNER));
    return Hmac.equal(signer.apply(key), signature) & secret.isPresent();
  }

  /**
   * The secret sealed for {@code owner}; empty, and logged, when it does not open (another
   * OTOS_SECRET_KEY than the one it was sealed under): the device is refused like any other.
   */
  private Optional<String> opened(byte[] sealed, UUID owner) {
    try {
      return Optional.of(box.open(sealed, owner));
    } catch (IllegalStateException wrongKey) {
      LOG.log(
          Level.WARNING,
          "A secret of template {0} does not open: {1} Rotate its secret to sign again.",
          new Object[] {owner, wrongKey.getMessage()});
      return Optional.empty();
    }
  }

  /** {@link #NO_SECRET}, sealed: opened where a template has no secret to open. */
  private byte[] standIn() {
    byte[] sealed = standIn;
    if (sealed == null) {
      sealed = box.seal(NO_SECRET, STAND_IN_OWNER);
      standIn = sealed;
    }
    return sealed;
  }

  /**
   * Locks the template until the transaction ends, so that devices added under a cap are counted
   * one at a time.
   *
   * @return the template as it is now (its cap may have changed since {@code template} was read)
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public DeviceTemplate lockForNewDevice(DeviceTemplate template) {
    return templates.lock(template.id()).orElseThrow(TemplateNotFoundException::new);
  }

  public Optional<DeviceTemplate> find(UUID id) {
    return templates.find(id);
  }

  public DeviceTemplate get(UUID id) {
    return templates.find(id).orElseThrow(TemplateNotFoundException::new);
  }

  public Page<DeviceTemplate> list(PageRequest page) {
    return templates.list(page);
  }

  /** Templates whose name contains {@code part}, ignoring case, newest first. */
  public List<DeviceTemplate> named(String part, PageRequest page) {
    return templates.named(part, page);
  }

  public long count() {
    return templates.count();
  }

  private static TemplateSecret chosenOrGenerated(Optional<String> chosen) {
    return chosen.map(TemplateSecret::chosen).orElseGet(TemplateSecret::generate);
  }

  private StoredSecret stored(TemplateSecret secret, UUID owner) {
    byte[] hash = keyedHash.hash(secret.reveal());
    if (templates.findBySecretHash(hash).isPresent()) {
      throw secretInUse();
    }
    return new StoredSecret(hash, box.seal(secret.reveal(), owner));
  }

  static DomainException secretInUse() {
    return new DomainException(
        DomainException.Kind.CONFLICT,
        "TEMPLATE_SECRET_IN_USE",
        "template_secret is already a secret of a template; choose another one");
  }
}
