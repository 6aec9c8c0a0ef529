package io.otos.core.account;

import java.time.Duration;

/** How an attempt to sign in to the console ended. */
public sealed interface SignIn {

  /** The password was right and the account is enabled. */
  record Accepted(Account account) implements SignIn {}

  /** Unknown username, wrong password or disabled account: the person is not told which. */
  record Refused() implements SignIn {}

  /** Too many recent failures for this username or address; nothing was checked. */
  record Throttled(Duration retryAfter) implements SignIn {}
}
