package io.otos.api.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LogWriterTest {

  private final Logger logger = Logger.getLogger("otos.test.log-writer." + System.nanoTime());
  private final List<String> written = new CopyOnWriteArrayList<>();
  private final List<String> sources = new CopyOnWriteArrayList<>();
  private final List<Thread> writers = new CopyOnWriteArrayList<>();
  private final Handler handler =
      new Handler() {
        @Override
        public void publish(LogRecord line) {
          writers.add(Thread.currentThread());
          written.add(line.getMessage());
          sources.add(line.getSourceClassName() + " " + line.getSourceMethodName());
        }

        @Override
        public void flush() {
          // nothing buffered
        }

        @Override
        public void close() {
          // nothing to release
        }
      };

  LogWriterTest() {
    logger.setUseParentHandlers(false);
    logger.addHandler(handler);
  }

  @AfterEach
  void removeHandler() {
    logger.removeHandler(handler);
  }

  @Test
  void linesAreWrittenOffTheCallersThreadInOrderAndNoneIsLostWhenItStops() {
    LogWriter log = new LogWriter(logger);
    log.start();

    for (int i = 0; i < 500; i++) {
      log.info("line " + i);
    }
    log.stop();

    assertThat(written).hasSize(500).startsWith("line 0", "line 1").endsWith("line 499");
    assertThat(writers).doesNotContain(Thread.currentThread());
    assertThat(writers.stream().distinct())
        .singleElement()
        .satisfies(thread -> assertThat(thread.isAlive()).as("writer alive").isFalse());
  }

  @Test
  void linesNameTheRequestLogAsTheirSourceNotTheWriter() {
    LogWriter log = new LogWriter(logger);
    log.start();

    log.info("GET /v1/health 200");
    log.stop();

    assertThat(sources).containsExactly(logger.getName() + " " + LogWriter.SOURCE_METHOD);
  }

  @Test
  void aLineLoggedAfterItStoppedIsWrittenOnTheCallersThread() {
    LogWriter log = new LogWriter(logger);
    log.start();
    log.stop();

    log.info("late");

    assertThat(written).containsExactly("late");
    assertThat(writers).containsExactly(Thread.currentThread());
  }

  @Test
  void aHandlerThatThrowsDoesNotEndTheWriter() {
    Handler broken =
        new Handler() {
          @Override
          public void publish(LogRecord line) {
            if (line.getMessage().equals("poison")) {
              throw new IllegalStateException("broken handler");
            }
          }

          @Override
          public void flush() {
            // nothing buffered
          }

          @Override
          public void close() {
            // nothing to release
          }
        };
    logger.addHandler(broken);
    LogWriter log = new LogWriter(logger);
    log.start();

    log.info("before");
    log.info("poison");
    log.info("after");
    log.stop();
    logger.removeHandler(broken);

    assertThat(written).containsExactly("before", "poison", "after");
    assertThat(writers).doesNotContain(Thread.currentThread());
  }
}
