/**
 * Readiness for MicroProfile Health ({@code /health/ready}): the database answers and the schema is
 * migrated. Each check names itself, so a DOWN answer says which failed.
 */
package io.otos.server.health;
