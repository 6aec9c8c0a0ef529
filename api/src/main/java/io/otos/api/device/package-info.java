/** The device-facing API: {@code POST /api/v1/device/auth}. */
package io.otos.api.device;
