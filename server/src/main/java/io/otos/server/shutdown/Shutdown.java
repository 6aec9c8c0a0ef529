package io.otos.server.shutdown;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Whether this node is shutting down, and how many requests it is serving.
 *
 * <p>Payara Micro stops its server only after a grace period when the system property {@value
 * #PAYARA_GRACE} is set, and keeps serving meanwhile; the node sets it from {@code
 * otos.shutdown.grace.seconds} (environment {@code OTOS_SHUTDOWN_GRACE_SECONDS}), and a JVM
 * shutdown hook marks the node as shutting down at the start of that period, so that only the
 * requests already in flight are served to the end.
 */
@ApplicationScoped
public class Shutdown {

  static final String PAYARA_GRACE = "fish.payara.shutdowngrace";
  private static final Logger LOG = Logger.getLogger(Shutdown.class.getName());

  private final AtomicBoolean underway = new AtomicBoolean();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final Thread hook = new Thread(this::begin, "otos-shutdown");

  @Inject
  @ConfigProperty(name = "otos.shutdown.grace.seconds", defaultValue = "5")
  int graceSeconds;

  void started(@Observes @Initialized(ApplicationScoped.class) Object context) {
    System.setProperty(PAYARA_GRACE, String.valueOf(Math.max(0, graceSeconds) * 1000L));
    Runtime.getRuntime().addShutdownHook(hook);
  }

  @PreDestroy
  void undeployed() {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException alreadyShuttingDown) {
      // the hook has run or is running: nothing to remove
    }
  }

  void begin() {
    if (underway.compareAndSet(false, true)) {
      LOG.info(
          () ->
              "Shutting down: new requests are refused; "
                  + inFlight.get()
                  + " in flight get up to "
                  + graceSeconds
                  + " s to finish");
    }
  }

  /** True once the JVM has been told to stop. */
  public boolean underway() {
    return underway.get();
  }

  void requestStarted() {
    inFlight.incrementAndGet();
  }

  void requestEnded() {
    inFlight.decrementAndGet();
  }
}
