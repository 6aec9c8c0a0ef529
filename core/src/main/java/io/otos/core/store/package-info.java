/**
 * The database as a whole: schema migrations at start-up, the classification of database failures
 * (unavailable, unique violation) that other layers need without knowing JDBC, and rows of several
 * tables written by one statement ({@link io.otos.core.store.Inserts}).
 */
package io.otos.core.store;
