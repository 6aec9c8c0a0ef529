/**
 * The audit trail: every call of the device auth API leaves an {@link
 * io.otos.core.audit.AuthAttempt}, kept with the provisioning it describes or, when that failed, on
 * its own. It never holds a secret or a password.
 */
package io.otos.core.audit;
