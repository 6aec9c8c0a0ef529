/**
 * The devices pages: a lazy grid of every device, and one device with its vouchers and attempts.
 */
package io.otos.console.devices;
