package io.otos.core.template;

import io.otos.core.secret.KeyedHash;
import io.otos.core.shared.DomainException;
import io.otos.core.shared.Page;
import io.otos.core.shared.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.UUID;

/** Creates device templates and finds them, by id for admins and by secret for devices. */
@ApplicationScoped
@Transactional
public class TemplateService {

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
    TemplateSecret secret =
        chosenSecret.map(TemplateSecret::chosen).orElseGet(TemplateSecret::generate);
    byte[] hash = keyedHash.hash(secret.reveal());
    if (templates.findBySecretHash(hash).isPresent()) {
      throw new DomainException(
          DomainException.Kind.CONFLICT,
          "TEMPLATE_SECRET_IN_USE",
          "template_secret is already the secret of another template; choose another one");
    }
    DeviceTemplate template = new DeviceTemplate(name, hash);
    templates.add(template);
    return new NewTemplate(template, secret);
  }

  /** The template whose secret this is, if any. The stored hash is compared in constant time. */
  public Optional<DeviceTemplate> findBySecret(String secret) {
    byte[] hash = keyedHash.hash(secret);
    return templates
        .findBySecretHash(hash)
        .filter(template -> MessageDigest.isEqual(hash, template.secretHash()));
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
}
