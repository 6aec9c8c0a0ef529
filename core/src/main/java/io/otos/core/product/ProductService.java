package io.otos.core.product;

import io.otos.core.shared.DomainException;
import io.otos.core.shared.Page;
import io.otos.core.shared.PageRequest;
import io.otos.core.template.DeviceTemplate;
import io.otos.core.template.TemplateService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.UUID;

/** Creates products under templates and resolves the product keys that devices send. */
@ApplicationScoped
@Transactional
public class ProductService {

  private final ProductRepository products;
  private final TemplateService templates;

  @Inject
  public ProductService(ProductRepository products, TemplateService templates) {
    this.products = products;
    this.templates = templates;
  }

  /** Needed by CDI for the client proxy. */
  protected ProductService() {
    this(null, null);
  }

  /**
   * Creates a product of the template, with {@code chosenKey} or a generated key. Keys are unique.
   */
  public Product create(UUID templateId, String name, Optional<String> chosenKey) {
    ProductKey key = chosenKey.map(ProductKey::new).orElseGet(ProductKey::generate);
    templates.get(templateId);
    if (products.findByKey(key).isPresent()) {
      throw keyInUse();
    }
    Product product = new Product(templateId, name, key);
    products.add(product);
    return product;
  }

  static DomainException keyInUse() {
    return new DomainException(
        DomainException.Kind.CONFLICT,
        "PRODUCT_KEY_IN_USE",
        "product_key is already the key of another product");
  }

  /** Deletes a product that no device uses; its key becomes free again. */
  public Product delete(UUID id) {
    Product product = get(id);
    if (products.countDevices(id) > 0) {
      throw inUse();
    }
    products.remove(product);
    return product;
  }

  static DomainException inUse() {
    return new DomainException(
        DomainException.Kind.CONFLICT,
        "PRODUCT_IN_USE",
        "devices use this product: it can only be deleted while none does");
  }

  public Product get(UUID id) {
    return products
        .find(id)
        .orElseThrow(
            () ->
                new DomainException(
                    DomainException.Kind.NOT_FOUND, "PRODUCT_NOT_FOUND", "No product has this id"));
  }

  /**
   * The product a device names with its key, which must exist and belong to the device's template.
   *
   * @throws DomainException {@code PRODUCT_KEY_UNKNOWN} or {@code PRODUCT_KEY_NOT_IN_TEMPLATE}
   */
  public Product resolveForDevice(ProductKey key, UUID templateId) {
    Product product =
        products
            .findByKey(key)
            .orElseThrow(
                () ->
                    DomainException.invalid(
                        "PRODUCT_KEY_UNKNOWN", "product_key does not name any product"));
    if (!product.belongsTo(templateId)) {
      throw DomainException.invalid(
          "PRODUCT_KEY_NOT_IN_TEMPLATE",
          "product_key names a product of another template than the template_secret's");
    }
    return product;
  }

  /** The template of the product with this key, if there is one (one query). */
  public Optional<DeviceTemplate> templateOf(ProductKey key) {
    return products.findTemplateByKey(key);
  }

  public Page<Product> listByTemplate(UUID templateId, PageRequest page) {
    templates.get(templateId);
    return products.listByTemplate(templateId, page);
  }
}
