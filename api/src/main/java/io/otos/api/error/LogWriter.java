package io.otos.api.error;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Writes log lines from a thread of its own, so that a request never waits for the log: the console
 * handler writes one line at a time, and under load request threads queued behind it. When the
 * queue is full (the log cannot keep up), lines are dropped and counted, and the count is logged
 * with the next line that fits.
 */
final class LogWriter {

  private static final int CAPACITY = 10_000;

  private final Logger logger;
  private final BlockingQueue<String> lines = new ArrayBlockingQueue<>(CAPACITY);
  private final AtomicLong dropped = new AtomicLong();

  LogWriter(Logger logger) {
    this.logger = logger;
    Thread writer = new Thread(this::write, "otos-log-writer");
    writer.setDaemon(true);
    writer.start();
  }

  /** Logs {@code line} at INFO soon; never blocks. */
  void info(String line) {
    if (!logger.isLoggable(Level.INFO)) {
      return;
    }
    if (!lines.offer(line)) {
      dropped.incrementAndGet();
    }
  }

  private void write() {
    while (true) {
      try {
        String line = lines.take();
        long lost = dropped.getAndSet(0);
        if (lost > 0) {
          logger.warning(() -> lost + " request log lines were dropped: the log could not keep up");
        }
        logger.info(line);
      } catch (InterruptedException e) {
        return;
      } catch (Throwable e) { // a broken handler must not end the writer
        // The line is lost; the next ones are written.
      }
    }
  }
}
