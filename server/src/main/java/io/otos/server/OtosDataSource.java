package io.otos.server;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The PostgreSQL connection pool behind the persistence unit, configured from MicroProfile Config:
 * {@code otos.db.url}, {@code otos.db.user}, {@code otos.db.password} (environment {@code
 * OTOS_DB_URL}, {@code OTOS_DB_USER}, {@code OTOS_DB_PASSWORD}).
 *
 * <p>Connections are validated before use, so that the pool recovers by itself after the database
 * restarts, and a request waits a bounded time for a connection rather than piling up.
 */
@ApplicationScoped
@DataSourceDefinition(
    name = "java:app/jdbc/otos",
    className = "org.postgresql.ds.PGSimpleDataSource",
    url = "${MPCONFIG=otos.db.url}",
    user = "${MPCONFIG=otos.db.user}",
    password = "${MPCONFIG=otos.db.password}",
    initialPoolSize = 4,
    minPoolSize = 4,
    maxPoolSize = OtosDataSource.MAX_POOL_SIZE,
    maxIdleTime = 300,
    // The provisioning's concurrency design (insert-if-absent, then lock) assumes READ COMMITTED,
    // PostgreSQL's default; SchemaMigration refuses to start on a database set otherwise. Not set
    // here: the pool would then ask each connection its isolation level on every return, one more
    // round trip per request.
    properties = {
      // EclipseLink binds a null UUID as a null VARCHAR; let PostgreSQL infer the column's type
      // instead.
      "stringType=unspecified",
      // Batches of inserts (allowlist imports, EclipseLink batch writing) go as multi-row
      // statements.
      "reWriteBatchedInserts=true",
      // A database that does not answer at all (a blackholed network) fails like one that refuses.
      "connectTimeout=2",
      "socketTimeout=35",
      // PostgreSQL's error detail may quote a failing row's values (a voucher's password hash, a
      // sealed secret); the driver puts it in the exception's message, which reaches the log.
      "logServerErrorDetail=false",
      "fish.payara.is-connection-validation-required=true",
      "fish.payara.connection-validation-method=custom-validation",
      "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.PostgresConnectionValidation",
      "fish.payara.fail-all-connections=true",
      // Validating on every checkout costs a class look-up under the class loader's lock (seen
      // in JFR as contention under load); once per connection every 5 s is enough, since a
      // failure flushes the whole pool anyway.
      "fish.payara.validate-atmost-once-period-in-seconds=5",
      "fish.payara.max-wait-time-in-millis=1500",
      // One database user for every connection, so there is nothing to match a connection to:
      // matching (a data source pool's default, unlike a server pool's) compared the connection's
      // credentials and its factory's whole specification, copying maps, on every checkout, the
      // several of one transaction included (JFR: a few percent of a provisioning's CPU).
      "fish.payara.match-connections=false",
      // Nothing sets a connection's client info, so there is none to restore; checking it read
      // the driver's client info properties on every checkout.
      "fish.payara.skip-client-info-validation=true",
      // Statements time out after 30 s, on the server: a client-side query timeout makes the
      // driver schedule and cancel a task on one shared java.util.Timer for every statement
      // (seen in JFR as contention under load).
      "options=-c statement_timeout=30s"
    })
public class OtosDataSource {

  /** The most connections the pool opens; PostgreSQL's default allows 100 in all. */
  public static final int MAX_POOL_SIZE = 32;
}
