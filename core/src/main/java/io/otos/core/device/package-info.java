/**
 * Devices: created by their first successful authentication, found again by their number
 * afterwards. Invariants: a device number is globally unique and belongs to one template for life;
 * a parent's sub-device addresses are unique; a device is never its own parent.
 */
package io.otos.core.device;
