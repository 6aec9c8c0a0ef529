package io.otos.core.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.otos.core.shared.DomainException;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

class GroupMemberFailedTest {

  @Test
  void aRefusalIsTheRequestsOwn() {
    DomainException refused =
        new DomainException(DomainException.Kind.FORBIDDEN, "DEVICE_BLOCKED", "blocked");

    assertThat(GroupMemberFailed.of(null, refused))
        .isInstanceOf(GroupMemberFailed.class)
        .hasCause(refused);
  }

  @Test
  void aLostRaceIsTheRequestsOwn() {
    PersistenceException lost =
        new PersistenceException("A statement failed", new SQLException("duplicate", "23505"));

    assertThat(GroupMemberFailed.of(null, lost)).isInstanceOf(GroupMemberFailed.class);
  }

  @Test
  void aDatabaseGoneOrAFaultIsNoRequestsOwn() {
    PersistenceException gone =
        new PersistenceException(
            "A statement failed", new SQLTransientConnectionException("refused", "08001"));
    IllegalStateException fault = new IllegalStateException("a bug");

    assertThat(GroupMemberFailed.of(null, gone)).isSameAs(gone);
    assertThat(GroupMemberFailed.of(null, fault)).isSameAs(fault);
  }

  @Test
  void aFailureAlreadyPinnedToARequestStaysSo() {
    GroupMemberFailed failed = new GroupMemberFailed(null, null);

    assertThat(GroupMemberFailed.of(null, failed)).isSameAs(failed);
  }
}
