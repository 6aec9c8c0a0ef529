package io.otos.console.templates;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.theme.lumo.LumoUtility;

/**
 * Shows a template secret the one time it can be seen, with a copy button. Closing it forgets the
 * secret: OTOS keeps only a keyed hash and a sealed copy, never shows it again.
 */
class SecretDialog extends Dialog {

  SecretDialog(String templateName, String secret) {
    setHeaderTitle("Secret of " + templateName);
    setCloseOnOutsideClick(false);
    Paragraph warning =
        new Paragraph(
            "Copy this secret into your firmware build now. You will not see it again: OTOS"
                + " does not show it a second time. If it is lost, rotate the secret.");
    warning.addClassNames(LumoUtility.TextColor.ERROR);
    TextField value = new TextField();
    value.setId("template-secret");
    value.setValue(secret);
    value.setReadOnly(true);
    value.setWidthFull();
    Button copy = new Button("Copy", VaadinIcon.COPY.create());
    copy.setId("copy-secret");
    copy.addClickListener(
        e -> copy.getElement().executeJs("navigator.clipboard.writeText($0)", secret));
    HorizontalLayout row = new HorizontalLayout(value, copy);
    row.setWidthFull();
    row.setFlexGrow(1, value);
    Button done = new Button("I have copied it", e -> close());
    done.setId("secret-done");
    done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    add(warning, row);
    getFooter().add(done);
    setWidth("40rem");
    addDialogCloseActionListener(e -> close());
    addOpenedChangeListener(
        e -> {
          if (!e.isOpened()) {
            value.clear();
            removeAll();
          }
        });
  }
}
