/**
 * Vouchers: the per-device credentials ("one secret" per device). Invariants: a device has at most
 * one active voucher (enforced by a partial unique index too); passwords are stored only as keyed
 * hashes; revoked vouchers stay as history.
 */
package io.otos.core.voucher;
