package io.otos.console.base;

import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * Two pickers for a time range in UTC: from (inclusive) and to (exclusive), either may be empty.
 */
public class TimeRange extends HorizontalLayout {

  private final DateTimePicker from = new DateTimePicker("From (UTC)");
  private final DateTimePicker to = new DateTimePicker("To (UTC)");

  public TimeRange(Runnable changed) {
    from.setId("filter-from");
    to.setId("filter-to");
    from.addValueChangeListener(e -> changed.run());
    to.addValueChangeListener(e -> changed.run());
    setPadding(false);
    add(from, to);
  }

  public Optional<OffsetDateTime> from() {
    return Times.utc(from.getValue());
  }

  public Optional<OffsetDateTime> to() {
    return Times.utc(to.getValue());
  }
}
