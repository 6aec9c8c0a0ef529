package io.otos.core.account;

/** Who did something, for the audit: a signed-in username and the address it came from. */
public record Actor(String username, String source) {}
