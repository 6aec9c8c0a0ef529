package io.otos.console.base;

import com.vaadin.flow.data.provider.Query;
import io.otos.core.shared.PageRequest;

/** Turns what a lazy grid asks for into the domain's neutral paging. */
public final class Paging {

  private Paging() {}

  public static PageRequest of(Query<?, ?> query) {
    return new PageRequest(query.getOffset(), Math.min(query.getLimit(), PageRequest.MAX_LIMIT));
  }
}
