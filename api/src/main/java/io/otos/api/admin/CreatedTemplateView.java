package io.otos.api.admin;

import io.otos.core.template.NewTemplate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A template just created: the one answer that shows its secret. */
public record CreatedTemplateView(
    UUID id,
    String name,
    String templateSecret,
    OffsetDateTime createdAt,
    OffsetDateTime updatedAt) {

  static CreatedTemplateView of(NewTemplate created) {
    var template = created.template();
    return new CreatedTemplateView(
        template.id(),
        template.name(),
        created.secret().reveal(),
        template.createdAt(),
        template.updatedAt());
  }

  @Override
  public String toString() {
    return "CreatedTemplateView[id=" + id + ", templateSecret=hidden]";
  }
}
