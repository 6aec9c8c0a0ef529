package io.otos.console.base;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.theme.lumo.LumoUtility;

/** The row of filters above a grid, wrapping on narrow screens. */
public class Filters extends FlexLayout {

  public Filters(Component... fields) {
    super(fields);
    setFlexWrap(FlexWrap.WRAP);
    setAlignItems(Alignment.BASELINE);
    addClassNames(LumoUtility.Gap.MEDIUM);
  }

  /** A text filter that applies itself a moment after typing stops. */
  public static TextField text(String id, String label, Runnable changed) {
    TextField field = new TextField(label);
    field.setId(id);
    field.setValueChangeMode(ValueChangeMode.LAZY);
    field.setClearButtonVisible(true);
    field.addValueChangeListener(e -> changed.run());
    return field;
  }
}
