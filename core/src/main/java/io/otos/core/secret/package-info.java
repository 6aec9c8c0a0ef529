/**
 * How secrets are made and kept: random generation from the CSPRNG and the keyed hash (HMAC-SHA256
 * with the server's hash key) that is the only form in which template secrets and voucher passwords
 * are stored. Comparisons of secrets are constant-time.
 */
package io.otos.core.secret;
