package io.otos.core.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GroupCommitTest {

  private final ExecutorService callers = Executors.newFixedThreadPool(16);
  private final List<List<String>> groups = Collections.synchronizedList(new ArrayList<>());

  @AfterEach
  void stopCallers() {
    callers.shutdownNow();
  }

  static final class Job extends GroupCommit.Work {
    private final String key;
    private final String name;

    Job(String key, String name) {
      this.key = key;
      this.name = name;
    }

    Job(String key) {
      this(key, key);
    }

    @Override
    String key() {
      return key;
    }
  }

  @Test
  void aWorkAloneRunsAsAGroupOfOne() {
    GroupCommit<Job> commit = new GroupCommit<>(8, 2, this::record);

    assertThat(commit.submit(new Job("a"))).isTrue();
    assertThat(groups).containsExactly(List.of("a"));
  }

  @Test
  void worksQueuedWhileAGroupRunsShareTheNextOne() {
    FirstGroupHeld held = new FirstGroupHeld();
    GroupCommit<Job> commit = new GroupCommit<>(8, 1, held.around(this::record));

    List<Future<Boolean>> results = held.submit(commit, jobs("a", "b", "c", "d", "e"));

    results.forEach(result -> assertThat(get(result)).isTrue());
    assertThat(groups).hasSize(2);
    assertThat(groups.get(0)).containsExactly("a");
    assertThat(groups.get(1)).containsExactlyInAnyOrder("b", "c", "d", "e");
  }

  @Test
  void aGroupTakesNoMoreThanItsSize() {
    FirstGroupHeld held = new FirstGroupHeld();
    GroupCommit<Job> commit = new GroupCommit<>(3, 1, held.around(this::record));

    List<Future<Boolean>> results =
        held.submit(commit, jobs("a", "k0", "k1", "k2", "k3", "k4", "k5", "k6"));

    results.forEach(result -> assertThat(get(result)).isTrue());
    assertThat(groups).extracting(List::size).containsExactly(1, 3, 3, 1);
  }

  @Test
  void worksOfOneKeyNeverRunAtOnceAndNoMoreGroupsRunThanAllowed() throws Exception {
    Set<String> runningKeys = ConcurrentHashMap.newKeySet();
    AtomicInteger runningGroups = new AtomicInteger();
    AtomicInteger mostGroups = new AtomicInteger();
    AtomicInteger overlaps = new AtomicInteger();
    GroupCommit<Job> commit =
        new GroupCommit<>(
            4,
            3,
            group -> {
              mostGroups.accumulateAndGet(runningGroups.incrementAndGet(), Math::max);
              for (Job job : group) {
                if (!runningKeys.add(job.key())) {
                  overlaps.incrementAndGet();
                }
              }
              sleep(1);
              group.forEach(job -> runningKeys.remove(job.key()));
              runningGroups.decrementAndGet();
              return record(group);
            });

    List<Future<Boolean>> results = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      Job job = new Job("k" + (i % 5), "job" + i);
      results.add(callers.submit(() -> commit.submit(job)));
    }
    for (Future<Boolean> result : results) {
      assertThat(result.get(30, TimeUnit.SECONDS)).isTrue();
    }

    assertThat(overlaps).hasValue(0);
    assertThat(mostGroups.get()).isBetween(1, 3);
    assertThat(groups.stream().mapToInt(List::size).sum()).isEqualTo(400);
    assertThat(groups).allSatisfy(group -> assertThat(group).hasSizeBetween(1, 4));
  }

  @Test
  void aGroupThatEndsMakesRoomForTheNextWhileAnotherStillRuns() {
    Map<String, CountDownLatch> started =
        Map.of("a", new CountDownLatch(1), "b", new CountDownLatch(1));
    Map<String, CountDownLatch> released =
        Map.of("a", new CountDownLatch(1), "b", new CountDownLatch(1));
    GroupCommit<Job> commit =
        new GroupCommit<>(
            1,
            2,
            group -> {
              String key = group.get(0).key();
              if (started.containsKey(key)) {
                started.get(key).countDown();
                await(released.get(key));
              }
              return record(group);
            });

    Future<Boolean> a = callers.submit(() -> commit.submit(new Job("a")));
    await(started.get("a"));
    Future<Boolean> b = callers.submit(() -> commit.submit(new Job("b")));
    await(started.get("b"));
    Future<Boolean> c = callers.submit(() -> commit.submit(new Job("c")));
    waitUntilQueued(commit, 1);
    released.get("a").countDown();

    assertThat(get(a)).isTrue();
    assertThat(get(c)).as("c ran while b's group still held its place").isTrue();
    released.get("b").countDown();
    assertThat(get(b)).isTrue();
    assertThat(groups).containsExactly(List.of("a"), List.of("c"), List.of("b"));
  }

  @Test
  void everyWorkEndsDoneOrGivenBackWhileGroupsFailAtRandomWorks() throws Exception {
    ExecutorService many = Executors.newFixedThreadPool(64);
    Set<Job> failedAt = ConcurrentHashMap.newKeySet();
    GroupCommit<Job> commit =
        new GroupCommit<>(
            4,
            2,
            group -> {
              Job unlucky = group.get(ThreadLocalRandom.current().nextInt(group.size()));
              if (ThreadLocalRandom.current().nextInt(5) == 0 && failedAt.add(unlucky)) {
                return GroupCommit.Outcome.failedAt(unlucky);
              }
              return record(group);
            });
    try {
      List<Job> jobs = new ArrayList<>();
      List<Future<Boolean>> results = new ArrayList<>();
      for (int i = 0; i < 2_000; i++) {
        Job job = new Job("k" + (i % 7), "job" + i);
        jobs.add(job);
        results.add(many.submit(() -> commit.submit(job)));
      }
      for (int i = 0; i < jobs.size(); i++) {
        assertThat(results.get(i).get(30, TimeUnit.SECONDS))
            .as("%s done by a group unless one failed at it", jobs.get(i).name)
            .isEqualTo(!failedAt.contains(jobs.get(i)));
      }
      assertThat(failedAt).isNotEmpty();
      assertThat(commit.queued()).isZero();
    } finally {
      many.shutdownNow();
    }
  }

  @Test
  void theWorkAGroupFailedAtIsGivenBackAndTheOthersRunAgain() {
    List<Job> jobs = jobs("first", "bad", "good1", "good2");
    Job bad = jobs.get(1);
    FirstGroupHeld held = new FirstGroupHeld();
    GroupCommit<Job> commit =
        new GroupCommit<>(
            8,
            1,
            held.around(
                group -> {
                  record(group);
                  return group.contains(bad)
                      ? GroupCommit.Outcome.failedAt(bad)
                      : GroupCommit.Outcome.done();
                }));

    List<Future<Boolean>> results = held.submit(commit, jobs);

    assertThat(results).extracting(GroupCommitTest::get).containsExactly(true, false, true, true);
    assertThat(groups).hasSize(3);
    assertThat(groups.get(1)).containsExactlyInAnyOrder("bad", "good1", "good2");
    assertThat(groups.get(2)).containsExactlyInAnyOrder("good1", "good2");
  }

  @Test
  void aGroupThatFailsAtNoWorkOrThrowsGivesEveryWorkBack() {
    GroupCommit<Job> failing =
        new GroupCommit<>(
            8,
            1,
            group -> {
              record(group);
              return GroupCommit.Outcome.everyWorkAlone();
            });
    GroupCommit<Job> throwing =
        new GroupCommit<>(
            8,
            1,
            group -> {
              throw new IllegalStateException("the database went away");
            });
    GroupCommit<Job> blamingAStranger =
        new GroupCommit<>(8, 1, group -> GroupCommit.Outcome.failedAt(new Job("stranger")));

    assertThat(failing.submit(new Job("a"))).isFalse();
    assertThat(throwing.submit(new Job("b"))).isFalse();
    assertThat(blamingAStranger.submit(new Job("c"))).isFalse();
    assertThat(groups).containsExactly(List.of("a"));
  }

  /**
   * Holds the first group back until the other works are queued behind it, so that which works
   * share a group does not depend on the threads' timing.
   */
  private final class FirstGroupHeld {
    private final CountDownLatch running = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);

    GroupCommit.Runner<Job> around(GroupCommit.Runner<Job> runner) {
      return group -> {
        if (groups.isEmpty()) {
          running.countDown();
          await(released);
        }
        return runner.run(group);
      };
    }

    /** Submits the first job, and the others once its group runs; each from a thread of its own. */
    List<Future<Boolean>> submit(GroupCommit<Job> commit, List<Job> jobs) {
      List<Future<Boolean>> results = new ArrayList<>();
      results.add(callers.submit(() -> commit.submit(jobs.get(0))));
      await(running);
      for (Job job : jobs.subList(1, jobs.size())) {
        results.add(callers.submit(() -> commit.submit(job)));
      }
      waitUntilQueued(commit, jobs.size() - 1);
      released.countDown();
      return results;
    }
  }

  private static List<Job> jobs(String... keys) {
    return Arrays.stream(keys).map(Job::new).toList();
  }

  private GroupCommit.Outcome record(List<Job> group) {
    groups.add(group.stream().map(job -> job.name).toList());
    return GroupCommit.Outcome.done();
  }

  private static void waitUntilQueued(GroupCommit<Job> commit, int works) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (commit.queued() < works) {
      assertThat(System.nanoTime()).as("%d works queued in time", works).isLessThan(deadline);
      sleep(1);
    }
  }

  private static <T> T get(Future<T> future) {
    try {
      return future.get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
