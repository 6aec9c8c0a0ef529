package io.otos.core.allowlist;

import io.otos.core.shared.DomainException;
import java.util.List;

/**
 * An allowlist addition refused as a whole, with every line that is wrong; nothing was registered.
 */
public class AllowlistRejectedException extends DomainException {

  /** At most this many problems are reported; the count says how many there were. */
  static final int MAX_REPORTED = 1000;

  private final List<AllowlistProblem> problems;
  private final int problemCount;

  AllowlistRejectedException(List<AllowlistProblem> problems) {
    super(
        Kind.INVALID,
        "ALLOWLIST_REJECTED",
        problems.size()
            + (problems.size() == 1 ? " line is" : " lines are")
            + " wrong; nothing was registered. First: line "
            + problems.get(0).line()
            + ": "
            + problems.get(0).message());
    this.problems = List.copyOf(problems.subList(0, Math.min(problems.size(), MAX_REPORTED)));
    this.problemCount = problems.size();
  }

  public List<AllowlistProblem> problems() {
    return problems;
  }

  public int problemCount() {
    return problemCount;
  }
}
