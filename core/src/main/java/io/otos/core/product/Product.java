package io.otos.core.product;

import io.otos.core.secret.Randomness;
import io.otos.core.shared.Clocks;
import io.otos.core.shared.Text;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

/**
 * A product of one device template. Devices that name its key when they authenticate are linked to
 * it; the key must belong to the template whose secret they present.
 */
@Entity
@Table(name = "product")
@NamedQuery(name = Product.BY_KEY, query = "SELECT p FROM Product p WHERE p.productKey = :key")
@NamedQuery(
    name = Product.BY_TEMPLATE,
    query = "SELECT p FROM Product p WHERE p.templateId = :templateId ORDER BY p.createdAt, p.id")
@NamedQuery(
    name = Product.COUNT_BY_TEMPLATE,
    query = "SELECT COUNT(p) FROM Product p WHERE p.templateId = :templateId")
public class Product {

  static final String BY_KEY = "Product.byKey";
  static final String BY_TEMPLATE = "Product.byTemplate";
  static final String COUNT_BY_TEMPLATE = "Product.countByTemplate";

  @Id private UUID id;

  @Column(name = "template_id", nullable = false)
  private UUID templateId;

  @Column(nullable = false)
  private String name;

  @Column(name = "product_key", nullable = false)
  private String productKey;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  protected Product() {}

  Product(UUID templateId, String name, ProductKey key) {
    this.id = Randomness.uuid();
    this.templateId = Objects.requireNonNull(templateId);
    this.name = Text.require(name, "name", 255);
    this.productKey = key.value();
    this.createdAt = Clocks.now();
  }

  public UUID id() {
    return id;
  }

  public UUID templateId() {
    return templateId;
  }

  public String name() {
    return name;
  }

  public ProductKey key() {
    return new ProductKey(productKey);
  }

  public OffsetDateTime createdAt() {
    return createdAt;
  }

  public boolean belongsTo(UUID template) {
    return templateId.equals(template);
  }
}
