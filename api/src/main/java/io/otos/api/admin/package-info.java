/**
 * The management API under {@code /api/v1/admin}: templates, products, devices and the audit trail,
 * behind the admin bearer token. Successful answers are plain JSON resources and pages ({@code
 * {items, total}}); errors use the seed's envelope like everywhere else.
 */
package io.otos.api.admin;
