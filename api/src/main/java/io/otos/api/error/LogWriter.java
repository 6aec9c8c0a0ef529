package io.otos.api.error;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Writes the request log's lines from a thread of its own, so that a request never waits for the
 * log: the console handler writes one line at a time, and under load request threads queued behind
 * it. When the queue is full (the log cannot keep up), lines are dropped and counted, and the count
 * is logged with the next line that fits.
 *
 * <p>The thread lives as long as the application: when it is undeployed or the server stops, the
 * lines still queued are written and the thread ends (it would otherwise outlive the application,
 * holding its classes). A line logged after that is written on its caller's thread.
 */
@ApplicationScoped
class LogWriter {

  private static final int CAPACITY = 10_000;
  private static final long STOP_WAIT_SECONDS = 5;

  /** How often an idle writer looks whether it was stopped. */
  private static final long LOOK_MILLIS = 200;

  /** What a line names as its source, after the logger's name: it tells of a request. */
  static final String SOURCE_METHOD = "request";

  private final Logger logger;
  private final BlockingQueue<String> lines = new ArrayBlockingQueue<>(CAPACITY);
  private final AtomicLong dropped = new AtomicLong();
  private volatile boolean stopped;
  private Thread writer;

  /** The request log's writer, for CDI. */
  LogWriter() {
    this(Logger.getLogger(RequestLog.class.getName()));
  }

  LogWriter(Logger logger) {
    this.logger = logger;
  }

  @PostConstruct
  void start() {
    writer = new Thread(this::write, "otos-log-writer");
    writer.setDaemon(true);
    writer.start();
  }

  /**
   * Writes what is queued and ends the thread (waiting a few seconds at most for it). Not by
   * interrupting it: a handler writing to an interruptible channel would then lose its file.
   */
  @PreDestroy
  void stop() {
    stopped = true;
    if (writer != null) {
      try {
        writer.join(TimeUnit.SECONDS.toMillis(STOP_WAIT_SECONDS));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    writeQueued(); // what came after the thread's last look
  }

  /** Logs {@code line} at INFO soon; never blocks, unless the writer has stopped. */
  void info(String line) {
    if (!logger.isLoggable(Level.INFO)) {
      return;
    }
    if (stopped) {
      writeLine(line);
    } else if (!lines.offer(line)) {
      dropped.incrementAndGet();
    }
  }

  private void write() {
    try {
      while (!stopped) {
        String line = lines.poll(LOOK_MILLIS, TimeUnit.MILLISECONDS);
        if (line != null) {
          writeLine(line);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // ends the thread, as a stop does
    }
    writeQueued();
  }

  private void writeQueued() {
    List<String> queued = new ArrayList<>();
    lines.drainTo(queued);
    queued.forEach(this::writeLine);
  }

  private void writeLine(String line) {
    try {
      long lost = dropped.getAndSet(0);
      if (lost > 0) {
        logger.warning(() -> lost + " request log lines were dropped: the log could not keep up");
      }
      // Named, not inferred: the handler would walk the writer's stack for every line to find it.
      logger.logp(Level.INFO, logger.getName(), SOURCE_METHOD, line);
    } catch (RuntimeException | Error e) { // a broken handler must not end the writer
      // The line is lost; the next ones are written.
    }
  }
}
