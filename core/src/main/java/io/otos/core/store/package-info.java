/**
 * The database as a whole: schema migrations at start-up and the classification of database
 * failures (unavailable, unique violation) that other layers need without knowing JDBC.
 */
package io.otos.core.store;
