/** The vouchers page for auditors: every issued voucher, never a password; CSV export. */
package io.otos.console.vouchers;
