package io.otos.server.shutdown;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Whether this node is shutting down.
 *
 * <p>When the system property {@value #PAYARA_GRACE} is set, Payara Micro waits that long (always
 * that long: it is a fixed wait) before it stops the application, and keeps serving meanwhile. The
 * node sets it from {@code otos.shutdown.grace.seconds} (environment {@code
 * OTOS_SHUTDOWN_GRACE_SECONDS}) unless Payara's own {@code --shutdowngrace} set it already, and a
 * JVM shutdown hook marks the node as shutting down at the start of that wait, so that only the
 * requests already in flight are served to the end.
 */
@ApplicationScoped
public class Shutdown {

  static final String PAYARA_GRACE = "fish.payara.shutdowngrace";

  private final AtomicBoolean underway = new AtomicBoolean();
  private Thread hook;

  @Inject
  @ConfigProperty(name = "otos.shutdown.grace.seconds", defaultValue = "5")
  int graceSeconds;

  void started(@Observes @Initialized(ApplicationScoped.class) Object context) {
    if (System.getProperty(PAYARA_GRACE) == null) {
      int millis = (int) Math.min(Integer.MAX_VALUE, Math.max(0, graceSeconds) * 1000L);
      System.setProperty(PAYARA_GRACE, String.valueOf(millis));
    }
    hook = new Thread(() -> underway.set(true), "otos-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
  }

  @PreDestroy
  void undeployed() {
    try {
      if (hook != null) {
        Runtime.getRuntime().removeShutdownHook(hook);
      }
    } catch (IllegalStateException alreadyShuttingDown) {
      // the hook has run or is running: nothing to remove
    }
  }

  /** True once the JVM has been told to stop. */
  public boolean underway() {
    return underway.get();
  }
}
