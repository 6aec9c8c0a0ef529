package io.otos.core.allowlist;

import io.otos.core.device.Device;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Bulk reads and writes of allowlists, in plain JDBC: an import of 100,000 numbers is a few
 * statements, not 100,000 entity operations. Runs in the caller's transaction (the container shares
 * its connection).
 */
@ApplicationScoped
public class AllowlistRepository {

  private static final int CHUNK = 5_000;
  private static final String TEMPLATES_OF =
      "SELECT device_number, template_id FROM device WHERE device_number = ANY (?)";
  private static final String INSERT =
      "INSERT INTO device (id, device_number, name, template_id, status, pre_registered, created_at, updated_at)"
          + " VALUES (?, ?, ?, ?, ?, true, ?, ?) ON CONFLICT (device_number) DO NOTHING";

  @Resource(lookup = "java:app/jdbc/otos")
  private DataSource dataSource;

  /** For each of these numbers that is registered, the template it is registered under. */
  Map<String, UUID> templatesOf(List<String> numbers) {
    Map<String, UUID> found = new HashMap<>();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query = connection.prepareStatement(TEMPLATES_OF)) {
      for (int from = 0; from < numbers.size(); from += CHUNK) {
        List<String> chunk = numbers.subList(from, Math.min(numbers.size(), from + CHUNK));
        query.setArray(1, connection.createArrayOf("varchar", chunk.toArray()));
        try (ResultSet rows = query.executeQuery()) {
          while (rows.next()) {
            found.put(rows.getString(1), rows.getObject(2, UUID.class));
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read the registered device numbers", e);
    }
    return found;
  }

  /** Inserts these devices; numbers registered meanwhile are left as they are. */
  void insert(List<Device> devices, List<String> names) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement insert = connection.prepareStatement(INSERT)) {
      for (int i = 0; i < devices.size(); i++) {
        Device device = devices.get(i);
        insert.setObject(1, device.id());
        insert.setString(2, device.number().value());
        insert.setString(3, names.get(i));
        insert.setObject(4, device.templateId());
        insert.setString(5, device.status().name());
        insert.setObject(6, device.createdAt());
        insert.setObject(7, device.updatedAt());
        insert.addBatch();
        if ((i + 1) % CHUNK == 0) {
          insert.executeBatch();
        }
      }
      insert.executeBatch();
    } catch (SQLException e) {
      throw new IllegalStateException("Could not register the devices", e);
    }
  }
}
