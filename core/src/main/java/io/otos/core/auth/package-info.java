/**
 * Device authentication, the heart of One Type One Secret: a device's template secret and number
 * in, its device id and a fresh voucher out. Invariants: one device per number however many
 * requests race; one active voucher per device; every attempt audited; no secret in any message.
 */
package io.otos.core.auth;
