package io.otos.core.store;

import io.otos.core.shared.DomainException;

/**
 * The database could not be reached, or a commit could not be completed: nothing the client did
 * wrong, and worth trying again shortly.
 */
public class DatabaseUnavailableException extends DomainException {

  public DatabaseUnavailableException() {
    super(
        Kind.UNAVAILABLE,
        "DATABASE_UNAVAILABLE",
        "The service cannot reach its database; try again shortly");
  }
}
