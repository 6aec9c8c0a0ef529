package io.otos.core.auth;

import java.util.UUID;

/** A device received a voucher: for the first time, or again. */
public record DeviceProvisioned(UUID deviceId, UUID templateId, boolean firstProvisioning) {}
