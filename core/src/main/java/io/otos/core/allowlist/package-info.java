/**
 * Allowlists: device numbers registered in advance under a template, singly or from a CSV file.
 * Invariants: an addition registers all of its numbers or none; a number belongs to one template;
 * the template's device cap holds.
 */
package io.otos.core.allowlist;
