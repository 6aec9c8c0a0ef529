package io.otos.core.allowlist;

/** Why one line of an allowlist could not be registered. */
public record AllowlistProblem(int line, String error, String message) {}
