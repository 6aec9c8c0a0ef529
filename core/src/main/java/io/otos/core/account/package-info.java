/**
 * Console accounts and signing in: usernames, roles (admin, auditor), PBKDF2 password hashes, the
 * first admin from configuration, and a throttle on failed sign-ins. A password is never stored,
 * logged or compared other than as a salted hash in constant time.
 */
package io.otos.core.account;
