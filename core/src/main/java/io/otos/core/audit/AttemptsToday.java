package io.otos.core.audit;

/** Since midnight UTC: devices provisioned for the first time, and failed auth attempts. */
public record AttemptsToday(long provisioned, long failed) {}
