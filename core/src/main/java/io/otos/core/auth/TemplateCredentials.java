package io.otos.core.auth;

import io.otos.core.product.ProductService;
import io.otos.core.shared.Clocks;
import io.otos.core.shared.DomainException;
import io.otos.core.template.DeviceTemplate;
import io.otos.core.template.SecretMatch;
import io.otos.core.template.TemplateService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Finds the template a device's credential admits it to: by the secret it sends (plaintext mode),
 * or by the template it names and the signature it made (signed mode). Every way of failing that
 * depends on the template answers alike ({@link InvalidTemplateSecretException}).
 */
@ApplicationScoped
public class TemplateCredentials {

  private final TemplateService templates;
  private final ProductService products;
  private final SignatureWindow window;
  private final NonceRepository nonces;
  private final FailureLimits limits;

  @Inject
  public TemplateCredentials(
      TemplateService templates,
      ProductService products,
      SignatureWindow window,
      NonceRepository nonces,
      FailureLimits limits) {
    this.templates = templates;
    this.products = products;
    this.window = window;
    this.nonces = nonces;
    this.limits = limits;
  }

  /** Needed by CDI for the client proxy. */
  protected TemplateCredentials() {
    this(null, null, null, null, null);
  }

  /**
   * Verifies a signed request in a transaction of its own, before it is provisioned: finds the
   * template it names, checks the signature, and uses up the nonce, which then stays used whatever
   * happens to the request next (so a refused request cannot be replayed either). Apart from the
   * provisioning's transaction so that a request never holds two database connections at once.
   */
  @Transactional
  public void verify(SignedRequest request, AttemptContext context) {
    context.credential(request.kind());
    Instant keepNonceUntil = window.admit(request.timestamp());
    Optional<DeviceTemplate> named = namedTemplate(request);
    if (named.isEmpty()) {
      templates.spendVerification(request::expectedWith, request.signature());
      throw refused(InvalidTemplateSecretException.TEMPLATE_UNKNOWN);
    }
    context.template(named.get().id());
    SecretMatch match =
        templates
            .findSigner(named.get(), request::expectedWith, request.signature())
            .orElseThrow(() -> refused(InvalidTemplateSecretException.SIGNATURE_INVALID));
    DeviceTemplate template = admitted(match, context);
    if (!nonces.use(template.id(), request.nonce(), keepNonceUntil)) {
      // A replay: whoever sends it need not hold the secret, so it does not count for the template.
      throw new DomainException(
          DomainException.Kind.UNAUTHENTICATED,
          "NONCE_REUSED",
          "nonce was used before; every signed request needs a fresh one");
    }
  }

  /**
   * The template that {@code credential} lets a device into now, in the provisioning's transaction;
   * a signed request must have passed {@link #verify} first.
   */
  DeviceTemplate admit(Credential credential, AttemptContext context) {
    return admit(credential, context, List.of());
  }

  /**
   * As {@link #admit(Credential, AttemptContext)}, looking for a plaintext secret's template first
   * among templates this transaction has {@code read} already. (A signed request's template is
   * found by its id, which the persistence context remembers by itself.)
   */
  DeviceTemplate admit(
      Credential credential, AttemptContext context, Collection<DeviceTemplate> read) {
    context.credential(credential.kind());
    if (credential instanceof SignedRequest) {
      DeviceTemplate template =
          templates
              .find(context.templateId())
              .orElseThrow(() -> refused(InvalidTemplateSecretException.TEMPLATE_UNKNOWN));
      // Read again: the template may have been disabled since the signature was verified.
      return accepted(admitted(new SecretMatch(template, context.secretUsed()), context), context);
    }
    SecretMatch match =
        templates
            .findBySecret(((Credential.Plain) credential).secret(), read)
            .orElseThrow(() -> refused(InvalidTemplateSecretException.UNKNOWN));
    DeviceTemplate template = admitted(match, context);
    if (!template.plaintextAllowed()) {
      throw refused(InvalidTemplateSecretException.PLAINTEXT_NOT_ALLOWED);
    }
    return accepted(template, context);
  }

  /** The template the request names, found with one query whether it exists or not. */
  private Optional<DeviceTemplate> namedTemplate(SignedRequest request) {
    return request.templateId().isPresent()
        ? templates.find(request.templateId().get())
        : products.templateOf(request.productKey().orElseThrow());
  }

  /**
   * The template of a secret that matched, if that secret is valid now and the template enabled.
   */
  private static DeviceTemplate admitted(SecretMatch match, AttemptContext context) {
    DeviceTemplate template = match.template();
    context.template(template.id());
    context.secret(match.used());
    if (!match.validAt(Clocks.now())) {
      throw refused(InvalidTemplateSecretException.EXPIRED);
    }
    if (!template.isEnabled()) {
      throw refused(InvalidTemplateSecretException.DISABLED);
    }
    return template;
  }

  private DeviceTemplate accepted(DeviceTemplate template, AttemptContext context) {
    limits.admitTemplate(template.id());
    context.secretAccepted();
    return template;
  }

  private static InvalidTemplateSecretException refused(String reason) {
    return new InvalidTemplateSecretException(reason);
  }
}
