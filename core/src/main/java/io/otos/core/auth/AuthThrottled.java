package io.otos.core.auth;

/** A device auth was refused by a failure limit ({@code source}, {@code device_number}, ...). */
public record AuthThrottled(String limit) {}
