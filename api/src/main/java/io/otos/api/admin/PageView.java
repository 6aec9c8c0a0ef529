package io.otos.api.admin;

import io.otos.core.shared.Page;
import java.util.List;

/** A page as the management API answers it: {@code {"items": [...], "total": N}}. */
public record PageView<T>(List<T> items, long total) {

  static <T> PageView<T> of(Page<T> page) {
    return new PageView<>(page.items(), page.total());
  }
}
