/**
 * The audit trail page: every auth attempt and every admin action, filtered and exported as CSV.
 */
package io.otos.console.audit;
