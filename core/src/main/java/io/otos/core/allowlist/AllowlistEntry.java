package io.otos.core.allowlist;

import java.util.Optional;

/**
 * One device number to register, with the line of the file it came from (1 for a single number).
 */
public record AllowlistEntry(int line, String deviceNumber, Optional<String> deviceName) {}
