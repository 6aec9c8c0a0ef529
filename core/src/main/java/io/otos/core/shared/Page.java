package io.otos.core.shared;

import java.util.List;
import java.util.function.Function;

/** One window of an ordered list and the size of the whole list. */
public record Page<T>(List<T> items, long total) {

  public Page {
    items = List.copyOf(items);
  }

  public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
    return new Page<>(items.stream().<R>map(mapper).toList(), total);
  }
}
