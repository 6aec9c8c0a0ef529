package io.otos.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class InsertsTest {

  private final UUID id = UUID.randomUUID();

  @Test
  void oneRowIsOnePlainInsertWithEveryValueCastToItsType() {
    Inserts inserts = new Inserts();
    inserts.add(row("voucher", column("id", "uuid", id), column("note", "text", null)));

    assertThat(inserts.sql())
        .isEqualTo("INSERT INTO voucher (id, note) VALUES (CAST(? AS uuid), CAST(? AS text))");
    assertThat(inserts.parameters()).containsExactly(id, null);
  }

  @Test
  void furtherRowsGoIntoAWithClauseWithTheirParametersInOrder() {
    Inserts inserts = new Inserts();
    inserts.add(row("voucher", column("id", "uuid", id)));
    inserts.add(row("auth_attempt", column("id", "uuid", id), column("reason", "text", "R")));
    inserts.add(row("device", column("status", "text", "ACTIVE")));

    assertThat(inserts.sql())
        .isEqualTo(
            "WITH row1 AS (INSERT INTO voucher (id) VALUES (CAST(? AS uuid))),"
                + " row2 AS (INSERT INTO auth_attempt (id, reason) VALUES (CAST(? AS uuid),"
                + " CAST(? AS text))) INSERT INTO device (status) VALUES (CAST(? AS text))");
    assertThat(inserts.parameters()).containsExactly(id, id, "R", "ACTIVE");
  }

  @Test
  void onlyPlainIdentifiersBecomeSql() {
    assertThatThrownBy(() -> column("id; DROP TABLE device", "uuid", id))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> column("id", "uuid) --", id))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> row("Device", column("id", "uuid", id)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Inserts.Row("device", List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    for (String notPlain : new String[] {"", "1id", "id-2", "ïd", "id ", "\"id\""}) {
      assertThatThrownBy(() -> column(notPlain, "uuid", id))
          .as(notPlain)
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThatThrownBy(() -> column(null, "uuid", id)).isInstanceOf(IllegalArgumentException.class);
    assertThat(column("_last_auth_at2", "timestamptz", id).name()).isEqualTo("_last_auth_at2");
  }

  @Test
  void nothingToInsertIsAMistake() {
    assertThatThrownBy(() -> new Inserts().sql()).isInstanceOf(IllegalStateException.class);
  }

  private static Inserts.Row row(String table, Inserts.Column... columns) {
    return new Inserts.Row(table, Arrays.asList(columns));
  }

  private static Inserts.Column column(String name, String type, Object value) {
    return new Inserts.Column(name, type, value);
  }
}
