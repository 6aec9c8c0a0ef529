/**
 * What every console page shares: the layout and navigation, who is signed in (and the filter and
 * access control that enforce it), feedback, times, CSV export. Every write a page offers checks
 * {@link io.otos.console.base.CurrentUser#requireAdmin()} on the server, whatever the page shows.
 */
package io.otos.console.base;
