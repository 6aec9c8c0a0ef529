package io.otos.api.admin;

import io.otos.core.product.Product;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A product as the management API shows it. */
public record ProductView(
    UUID id, UUID templateId, String name, String productKey, OffsetDateTime createdAt) {

  static ProductView of(Product product) {
    return new ProductView(
        product.id(),
        product.templateId(),
        product.name(),
        product.key().value(),
        product.createdAt());
  }
}
