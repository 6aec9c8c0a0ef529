package io.otos.core.audit;

/** A call of the device auth API was recorded in the audit trail. */
public record AuthAttempted(AuthOutcome outcome, String reason) {}
