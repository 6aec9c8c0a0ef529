package io.otos.core.allowlist;

/**
 * What an allowlist addition did: numbers newly registered, and numbers the template had already.
 */
public record AllowlistResult(int added, int alreadyRegistered) {}
