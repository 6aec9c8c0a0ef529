/**
 * The envelope of every answer and the exception mappers that turn every failure into it: domain
 * refusals by kind, API refusals as thrown, runtime refusals with our own words, and the unexpected
 * as a 503 (database down) or a 500 with an incident id. No stack trace, SQL or secret reaches a
 * client.
 */
package io.otos.api.error;
