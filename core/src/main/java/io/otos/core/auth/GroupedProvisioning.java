package io.otos.core.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Provisions concurrent requests in shared transactions ({@link GroupCommit}): one commit, and one
 * transaction's work in the service, for up to {@value #MAX_GROUP} of them. A device's lock and
 * rows are as they would be had the requests come one after the other.
 *
 * <p>Within a group, devices are locked in the order of their numbers, so groups running at once
 * cannot deadlock on each other. Sub-devices run alone, as their parents' locks would come out of
 * that order; so do requests whose template caps its devices, and any request at which a group
 * failed.
 */
@ApplicationScoped
public class GroupedProvisioning {

  /** At most this many requests share a transaction. */
  public static final int MAX_GROUP = 16;

  /**
   * At most this many groups run at once (each on a connection of its own): enough to keep the
   * database busy while one group waits for its commit, few enough that groups stay large.
   */
  public static final int MAX_GROUPS = 2;

  /** A request waiting for its group, and then its result. */
  static final class Pending extends GroupCommit.Work {

    private final ValidAuthRequest request;
    private final String source;
    private final AttemptContext context;
    private AuthResult result;

    private Pending(ValidAuthRequest request, String source, AttemptContext context) {
      this.request = request;
      this.source = source;
      this.context = context;
    }

    @Override
    String key() {
      return request.deviceNumber().value();
    }

    ValidAuthRequest request() {
      return request;
    }

    String source() {
      return source;
    }

    AttemptContext context() {
      return context;
    }

    void done(AuthResult result) {
      this.result = result;
    }
  }

  private final Provisioning provisioning;
  private final GroupCommit<Pending> groups;

  @Inject
  public GroupedProvisioning(Provisioning provisioning) {
    this.provisioning = provisioning;
    this.groups = new GroupCommit<>(MAX_GROUP, MAX_GROUPS, this::run);
  }

  /** Needed by CDI for the client proxy. */
  protected GroupedProvisioning() {
    this.provisioning = null;
    this.groups = null;
  }

  /** As {@link Provisioning#provision}, in a group when it can be. */
  public AuthResult provision(ValidAuthRequest request, String source, AttemptContext context) {
    if (request.subDevice().isEmpty()) {
      // A copy: what a group that failed learned must not reach this request's audit.
      Pending pending = new Pending(request, source, context.copy());
      if (groups.submit(pending)) {
        return pending.result;
      }
    }
    return provisioning.provision(request, source, context);
  }

  private GroupCommit.Outcome run(List<Pending> group) {
    List<Pending> inOrder = new ArrayList<>(group);
    inOrder.sort(Comparator.comparing(Pending::key));
    try {
      provisioning.provisionTogether(inOrder);
      return GroupCommit.Outcome.done();
    } catch (GroupMemberFailed failed) {
      return GroupCommit.Outcome.failedAt(failed.member());
    }
  }
}
