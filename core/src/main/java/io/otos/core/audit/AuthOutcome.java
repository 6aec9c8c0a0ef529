package io.otos.core.audit;

/** How an authentication attempt ended. */
public enum AuthOutcome {
  SUCCESS,
  FAILURE
}
