package io.otos.core.auth;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Group commit: the works of concurrent callers run together, a group at a time, so that one
 * transaction and its commit serve them all. There is no thread of its own: a caller queues its
 * work and, while fewer than {@code maxGroups} groups run, leads one itself, taking up to {@code
 * maxSize} queued works (its own or not, oldest first); otherwise it waits for its work to be done.
 *
 * <p>Works with the same key never run at once, in one group or in two: a later one waits for the
 * group of the earlier to end.
 *
 * <p>A group that fails at one of its works gives that work back to its caller to run alone, and
 * queues the others again; a group that fails otherwise gives every work back. So each work ends
 * either done by a group or given back, and a failing work costs the others one more try at most.
 */
final class GroupCommit<W extends GroupCommit.Work> {

  /** One caller's work. */
  abstract static class Work {

    State state = State.QUEUED; // guarded by the group commit's lock

    /** Works with equal keys never run at once. */
    abstract String key();
  }

  private enum State {
    QUEUED,
    RUNNING,
    DONE,
    ALONE
  }

  /** How a group ended. */
  static final class Outcome {

    private static final Outcome DONE = new Outcome(null);
    private static final Outcome EVERY_WORK_ALONE = new Outcome(null);

    private final Work failed;

    private Outcome(Work failed) {
      this.failed = failed;
    }

    /** Every work of the group is done. */
    static Outcome done() {
      return DONE;
    }

    /** The group failed at this work: it runs alone, and the others are queued again. */
    static Outcome failedAt(Work work) {
      return new Outcome(work);
    }

    /** The group failed, at no work in particular: each runs alone. */
    static Outcome everyWorkAlone() {
      return EVERY_WORK_ALONE;
    }
  }

  /** Runs a group, all or nothing. Throwing counts as {@link Outcome#everyWorkAlone()}. */
  @FunctionalInterface
  interface Runner<W> {
    Outcome run(List<W> group);
  }

  private final int maxSize;
  private final int maxGroups;
  private final Runner<W> runner;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition groupEnded = lock.newCondition();
  private final LinkedList<W> queue = new LinkedList<>();
  private final Set<String> runningKeys = new HashSet<>();
  private int running;

  GroupCommit(int maxSize, int maxGroups, Runner<W> runner) {
    if (maxSize < 1 || maxGroups < 1) {
      throw new IllegalArgumentException("A group commit needs room for one group of one work");
    }
    this.maxSize = maxSize;
    this.maxGroups = maxGroups;
    this.runner = runner;
  }

  /**
   * Runs the work in a group, with whichever others are queued.
   *
   * @return true if a group did it; false if it was given back, to run alone
   */
  boolean submit(W work) {
    lock.lock();
    try {
      queue.add(work);
      while (work.state == State.QUEUED || work.state == State.RUNNING) {
        List<W> group = work.state == State.QUEUED && running < maxGroups ? take() : List.of();
        if (group.isEmpty()) {
          groupEnded.awaitUninterruptibly();
        } else {
          lead(group);
        }
      }
      return work.state == State.DONE;
    } catch (RuntimeException | Error failure) {
      queue.remove(work); // no group may run it now: nobody would take its result
      throw failure;
    } finally {
      lock.unlock();
    }
  }

  /** How many works wait for a group. */
  int queued() {
    lock.lock();
    try {
      return queue.size();
    } finally {
      lock.unlock();
    }
  }

  /** Runs a group without the lock, then settles it. Called with the lock held. */
  private void lead(List<W> group) {
    running++;
    Outcome outcome = Outcome.everyWorkAlone();
    lock.unlock();
    try {
      outcome = runner.run(List.copyOf(group));
    } catch (RuntimeException failure) {
      // every work goes back to its caller, which meets the failure again alone
    } finally {
      lock.lock();
      running--;
      settle(group, outcome);
      groupEnded.signalAll();
    }
  }

  /** The oldest queued works whose keys differ from each other and from those running. */
  private List<W> take() {
    List<W> group = new ArrayList<>();
    Set<String> keys = new HashSet<>();
    for (Iterator<W> queued = queue.iterator(); queued.hasNext() && group.size() < maxSize; ) {
      W work = queued.next();
      if (!runningKeys.contains(work.key()) && keys.add(work.key())) {
        queued.remove();
        work.state = State.RUNNING;
        group.add(work);
      }
    }
    runningKeys.addAll(keys);
    return group;
  }

  private void settle(List<W> group, Outcome ended) {
    Work failed = ended.failed;
    Outcome outcome =
        failed != null && group.stream().noneMatch(work -> work == failed)
            ? Outcome.everyWorkAlone() // a work of no group: nothing would make progress
            : ended;
    List<W> again = new ArrayList<>();
    for (W work : group) {
      runningKeys.remove(work.key());
      if (outcome == Outcome.DONE) {
        work.state = State.DONE;
      } else if (outcome == Outcome.EVERY_WORK_ALONE || outcome.failed == work) {
        work.state = State.ALONE;
      } else {
        work.state = State.QUEUED;
        again.add(work);
      }
    }
    queue.addAll(0, again); // first in line, as they were
  }
}
