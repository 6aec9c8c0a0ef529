package io.otos.console.base;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import io.otos.core.shared.DomainException;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Runs what a person asked for and tells them how it went: the domain's refusal message as an error
 * (it never carries a secret), or a short confirmation.
 */
public final class Feedback {

  private Feedback() {}

  /** Runs {@code action}; on success shows {@code done} and returns the result. */
  public static <T> Optional<T> attempt(Supplier<T> action, String done) {
    try {
      T result = action.get();
      if (done != null) {
        done(done);
      }
      return Optional.ofNullable(result);
    } catch (DomainException | CurrentUser.NotAllowedException refused) {
      error(refused.getMessage());
      return Optional.empty();
    }
  }

  public static void done(String message) {
    show(message, NotificationVariant.LUMO_SUCCESS);
  }

  public static void error(String message) {
    show(message, NotificationVariant.LUMO_ERROR);
  }

  private static void show(String message, NotificationVariant variant) {
    Notification notification = Notification.show(message, 5000, Notification.Position.TOP_CENTER);
    notification.addThemeVariants(variant);
    notification.setId(variant == NotificationVariant.LUMO_ERROR ? "error" : "done");
  }
}
