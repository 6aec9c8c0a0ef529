package io.otos.api.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

class JsonFieldsTest {

  private final JsonObject body =
      Json.createObjectBuilder()
          .add("name", "Plug")
          .add("count", 3)
          .add("flag", true)
          .add("list", Json.createArrayBuilder())
          .addNull("nothing")
          .add("id", "6c2f1bdc-6fc2-4535-b0ba-f77fe9dc6db1")
          .build();

  @Test
  void stringsAbsentAndNullFieldsAreRead() {
    assertThat(JsonFields.string(body, "name")).isEqualTo("Plug");
    assertThat(JsonFields.string(body, "missing")).isNull();
    assertThat(JsonFields.string(body, "nothing")).isNull();
    assertThat(JsonFields.requiredUuid(body, "id").toString())
        .isEqualTo("6c2f1bdc-6fc2-4535-b0ba-f77fe9dc6db1");
  }

  @Test
  void aFieldOfTheWrongTypeIsNamedWithItsType() {
    assertThatThrownBy(() -> JsonFields.string(body, "count"))
        .hasMessage("count must be a string, not a number");
    assertThatThrownBy(() -> JsonFields.string(body, "flag"))
        .hasMessage("flag must be a string, not a boolean");
    assertThatThrownBy(() -> JsonFields.string(body, "list"))
        .hasMessage("list must be a string, not an array");
    assertThatThrownBy(() -> JsonFields.requiredString(body, "missing"))
        .hasMessage("missing is required");
    assertThatThrownBy(() -> JsonFields.requiredUuid(body, "name"))
        .hasMessage("name must be a UUID");
  }
}
