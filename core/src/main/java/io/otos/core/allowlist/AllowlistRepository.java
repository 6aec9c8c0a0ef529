package io.otos.core.allowlist;

import io.otos.core.secret.Randomness;
import io.otos.core.shared.DomainException;
import io.otos.core.store.Columns;
import io.otos.core.store.Jdbc;
import io.otos.core.store.StoreFailures;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Bulk reads and writes of allowlists, in plain JDBC: an import of 100,000 numbers is a few
 * statements, not 100,000 entity operations. Runs in the caller's transaction, on its connection
 * ({@link Jdbc#transactionConnection}).
 */
@ApplicationScoped
public class AllowlistRepository {

  private static final int CHUNK = 5_000;
  private static final String TEMPLATES_OF =
      "SELECT device_number, template_id FROM device WHERE device_number = ANY (?)";
  private static final String INSERT =
      "INSERT INTO device (id, device_number, name, template_id, status, pre_registered, created_at,"
          + " updated_at) SELECT id, device_number, name, ?, ?, true, ?, ?"
          + " FROM unnest(?::uuid[], ?::varchar[], ?::varchar[]) AS d (id, device_number, name)"
          + " ORDER BY device_number ON CONFLICT (device_number) DO NOTHING";

  @Inject Jdbc jdbc;

  /** For each of these numbers that is registered, the template it is registered under. */
  Map<String, UUID> templatesOf(List<String> numbers) {
    Map<String, UUID> found = new HashMap<>();
    try (Connection connection = jdbc.transactionConnection();
        PreparedStatement query = connection.prepareStatement(TEMPLATES_OF)) {
      for (int from = 0; from < numbers.size(); from += CHUNK) {
        List<String> chunk = numbers.subList(from, Math.min(numbers.size(), from + CHUNK));
        query.setArray(1, connection.createArrayOf("varchar", chunk.toArray()));
        try (ResultSet rows = query.executeQuery()) {
          while (rows.next()) {
            found.put(rows.getString(1), Columns.uuid(rows, 2));
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read the registered device numbers", e);
    }
    return found;
  }

  /**
   * Inserts these devices, in order of their numbers (so that concurrent imports lock alike).
   *
   * @return how many were inserted: fewer than given when some numbers were registered meanwhile
   */
  int insert(UUID templateId, String status, OffsetDateTime at, List<AllowlistEntry> entries) {
    int inserted = 0;
    try (Connection connection = jdbc.transactionConnection();
        PreparedStatement insert = connection.prepareStatement(INSERT)) {
      for (int from = 0; from < entries.size(); from += CHUNK) {
        List<AllowlistEntry> chunk = entries.subList(from, Math.min(entries.size(), from + CHUNK));
        insert.setObject(1, templateId);
        insert.setString(2, status);
        insert.setObject(3, at);
        insert.setObject(4, at);
        insert.setArray(
            5,
            connection.createArrayOf("uuid", chunk.stream().map(e -> Randomness.uuid()).toArray()));
        insert.setArray(
            6,
            connection.createArrayOf(
                "varchar", chunk.stream().map(AllowlistEntry::deviceNumber).toArray()));
        insert.setArray(
            7,
            connection.createArrayOf(
                "varchar", chunk.stream().map(e -> e.deviceName().orElse(null)).toArray()));
        inserted += insert.executeUpdate();
      }
    } catch (SQLException e) {
      if (StoreFailures.isLostRace(e)) {
        throw concurrentChange();
      }
      throw new IllegalStateException("Could not register the devices", e);
    }
    return inserted;
  }

  static DomainException concurrentChange() {
    return new DomainException(
        DomainException.Kind.CONFLICT,
        "ALLOWLIST_CONCURRENT_CHANGE",
        "Some of these numbers were registered by another request meanwhile; nothing was registered,"
            + " try again");
  }
}
