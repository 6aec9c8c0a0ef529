package io.otos.core.account;

import io.otos.core.secret.Randomness;
import io.otos.core.shared.Clocks;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/**
 * A person who signs in to the console, with one {@link Role}. The password is kept only as a
 * salted PBKDF2 hash; a disabled account cannot sign in, and its open sessions end within {@link
 * AccountService#RECHECK} .
 */
@Entity
@Table(name = "console_account")
@NamedQuery(
    name = Account.BY_USERNAME,
    query = "SELECT a FROM Account a WHERE a.username = :username")
@NamedQuery(name = Account.ALL, query = "SELECT a FROM Account a ORDER BY a.username")
@NamedQuery(name = Account.COUNT, query = "SELECT COUNT(a) FROM Account a")
public class Account {

  static final String BY_USERNAME = "Account.byUsername";
  static final String ALL = "Account.all";
  static final String COUNT = "Account.count";

  @Id private UUID id;

  @Column(nullable = false)
  private String username;

  @Column(name = "password_hash", nullable = false)
  private String passwordHash;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Role role;

  @Column(nullable = false)
  private boolean enabled;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "updated_at", nullable = false)
  private OffsetDateTime updatedAt;

  @Column(name = "last_sign_in_at")
  private OffsetDateTime lastSignInAt;

  protected Account() {}

  Account(Username username, String passwordHash, Role role) {
    this.id = Randomness.uuid();
    this.username = username.value();
    this.passwordHash = passwordHash;
    this.role = role;
    this.enabled = true;
    this.createdAt = Clocks.now();
    this.updatedAt = createdAt;
  }

  public UUID id() {
    return id;
  }

  public String username() {
    return username;
  }

  public Role role() {
    return role;
  }

  public boolean enabled() {
    return enabled;
  }

  public OffsetDateTime createdAt() {
    return createdAt;
  }

  /** When the account last changed (password, state): a session signed in before is ended. */
  public OffsetDateTime updatedAt() {
    return updatedAt;
  }

  public Optional<OffsetDateTime> lastSignInAt() {
    return Optional.ofNullable(lastSignInAt);
  }

  String passwordHash() {
    return passwordHash;
  }

  void changePassword(String newHash) {
    this.passwordHash = newHash;
    touch();
  }

  void enable(boolean enabled) {
    this.enabled = enabled;
    touch();
  }

  void signedIn() {
    this.lastSignInAt = Clocks.now();
  }

  private void touch() {
    this.updatedAt = Clocks.now();
  }
}
