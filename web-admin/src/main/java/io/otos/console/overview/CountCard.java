package io.otos.console.overview;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.theme.lumo.LumoUtility;

/** A labelled number, large enough to read from across the room. */
class CountCard extends Div {

  CountCard(String id, String label, long count) {
    var value = new Span(String.valueOf(count));
    value.setId(id);
    value.addClassNames(LumoUtility.FontSize.XXXLARGE, LumoUtility.FontWeight.BOLD);
    var caption = new Span(label);
    caption.addClassNames(LumoUtility.TextColor.SECONDARY);
    add(value, caption);
    addClassNames(
        LumoUtility.Display.FLEX,
        LumoUtility.FlexDirection.COLUMN,
        LumoUtility.Padding.LARGE,
        LumoUtility.BorderRadius.LARGE,
        LumoUtility.Background.CONTRAST_5);
    setMinWidth("10rem");
  }
}
