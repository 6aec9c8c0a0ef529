/** The accounts page: admins create admins and auditors, reset passwords, disable accounts. */
package io.otos.console.accounts;
