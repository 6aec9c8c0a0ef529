package io.otos.server.it;

import static io.otos.server.it.ApiClient.uniqueAddress;
import static io.otos.server.it.ApiClient.uniqueNumber;
import static org.assertj.core.api.Assertions.assertThat;

import io.otos.server.it.ApiClient.Answer;
import io.otos.server.it.ApiClient.Template;
import io.otos.server.it.HostileBodies.Hostile;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What an attacker learns from the device auth API: hostile bodies get a clear client error and
 * never a 5xx or a trace; the refusals that would tell an attacker which templates exist, or that a
 * secret is right but refused for another reason, look and take the same.
 */
class HostileClientsIT extends AgainstTheServer {

  private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]*");
  private static final Pattern LEAK =
      Pattern.compile(
          "Exception|\\bat [a-z]+\\.[a-z]|org\\.|java\\.|SQL|postgres|eclipse",
          Pattern.CASE_INSENSITIVE);

  @Test
  void generatedHostileBodiesGetAClientErrorInTheEnvelopeAndNeverA5xx() {
    long seed = Long.getLong("otos.hostile.seed", System.nanoTime());
    List<Hostile> bodies = new HostileBodies(seed).next(1200);
    Map<Integer, Integer> statuses = new TreeMap<>();
    Map<String, Integer> kinds = new TreeMap<>();
    List<String> problems = new ArrayList<>();

    for (Hostile hostile : bodies) {
      Answer answer =
          api.postFrom(
              uniqueAddress(), "api/v1/device/auth", hostile.contentType(), hostile.body());
      statuses.merge(answer.status(), 1, Integer::sum);
      kinds.merge(hostile.kind() + " -> " + answer.status(), 1, Integer::sum);
      String problem = problemWith(answer);
      if (problem != null) {
        problems.add(hostile.kind() + ": " + problem);
      }
    }

    System.out.printf(
        "Hostile bodies (seed %d, -Dotos.hostile.seed to replay): %d sent; statuses %s; %s%n",
        seed, bodies.size(), statuses, kinds);
    assertThat(bodies).hasSizeGreaterThanOrEqualTo(1000);
    assertThat(problems).as("seed " + seed).isEmpty();
  }

  /** What is wrong with an answer to a hostile body, or {@code null}. */
  private static String problemWith(Answer answer) {
    if (answer.status() < 400 || answer.status() >= 500) {
      return "status " + answer.status() + ": " + answer.body();
    }
    if (LEAK.matcher(answer.body()).find()) {
      return "leaks internals: " + answer.body();
    }
    try {
      JsonObject json = answer.json();
      if (json.getInt("code") != answer.status()
          || json.getString("message").isBlank()
          || !CODE.matcher(json.getJsonObject("data").getString("error")).matches()) {
        return "not the envelope: " + answer.body();
      }
    } catch (RuntimeException notTheEnvelope) {
      return "not the envelope: " + answer.body();
    }
    return null;
  }

  @Test
  void refusalsThatWouldTellTemplatesApartLookAndTakeTheSame() {
    Template disabled = api.createTemplate();
    patch(disabled, Json.createObjectBuilder().add("enabled", false));
    Template signedOnly = api.createTemplate();
    patch(signedOnly, Json.createObjectBuilder().add("plaintext_allowed", false));
    String id = template.id().toString();
    String productKey = api.createProduct(template.id());

    Map<String, Supplier<JsonObjectBuilder>> plaintext = new LinkedHashMap<>();
    plaintext.put("unknown secret", () -> plain("no-such-secret-" + UUID.randomUUID()));
    plaintext.put("disabled template", () -> plain(disabled.secret()));
    plaintext.put("plaintext not allowed", () -> plain(signedOnly.secret()));
    Map<String, Supplier<JsonObjectBuilder>> signed = new LinkedHashMap<>();
    signed.put(
        "unknown template",
        () -> Signer.withSecret(UUID.randomUUID().toString(), template.secret(), uniqueNumber()));
    signed.put(
        "wrong signature",
        () -> Signer.withSecret(id, "not-the-secret-" + UUID.randomUUID(), uniqueNumber()));
    signed.put(
        "unknown product key", () -> signedByKey("pk-" + UUID.randomUUID(), template.secret()));
    signed.put(
        "wrong signature, by product key",
        () -> signedByKey(productKey, "not-the-secret-" + UUID.randomUUID()));
    signed.put(
        "disabled template, signed",
        () -> Signer.withSecret(disabled.id().toString(), disabled.secret(), uniqueNumber()));

    Map<String, Supplier<JsonObjectBuilder>> all = new LinkedHashMap<>(plaintext);
    all.putAll(signed);
    measure(all, 40); // warm up
    Map<String, long[]> timings = measure(all, 400);

    StringBuilder report = new StringBuilder("Refusal timings, median µs:");
    timings.forEach(
        (name, t) ->
            report.append(" ").append(name).append("=").append(MannWhitney.median(t) / 1000));
    for (var group : List.of(plaintext, signed)) {
      String baseline = group.keySet().iterator().next();
      for (String other : group.keySet()) {
        if (!other.equals(baseline)) {
          double p = MannWhitney.pValue(timings.get(baseline), timings.get(other));
          report
              .append("; p(")
              .append(baseline)
              .append(" vs ")
              .append(other)
              .append(")=")
              .append(String.format("%.3g", p));
          assertThat(p).as(baseline + " vs " + other + " — " + report).isGreaterThan(1e-6);
        }
      }
    }
    System.out.println(report);
  }

  /**
   * Sends every kind of request {@code rounds} times, the kinds in a new random order each round,
   * each from a fresh address; checks that all answer exactly alike.
   */
  private Map<String, long[]> measure(Map<String, Supplier<JsonObjectBuilder>> kinds, int rounds) {
    Map<String, long[]> timings = new LinkedHashMap<>();
    kinds.keySet().forEach(name -> timings.put(name, new long[rounds]));
    List<String> order = new ArrayList<>(kinds.keySet());
    String expected = null;
    for (int round = 0; round < rounds; round++) {
      Collections.shuffle(order);
      for (String name : order) {
        JsonObjectBuilder body = kinds.get(name).get();
        String address = uniqueAddress();
        long start = System.nanoTime();
        Answer answer = api.deviceAuthFrom(address, body);
        timings.get(name)[round] = System.nanoTime() - start;
        assertThat(answer.status()).as(name).isEqualTo(401);
        if (expected == null) {
          expected = answer.body();
        }
        assertThat(answer.body()).as(name + " answers like the others").isEqualTo(expected);
      }
    }
    return timings;
  }

  private static JsonObjectBuilder signedByKey(String productKey, String secret) {
    return Signer.withSecret(
        "product_key",
        productKey,
        secret,
        uniqueNumber(),
        System.currentTimeMillis(),
        Signer.nonce());
  }

  private static JsonObjectBuilder plain(String secret) {
    return Json.createObjectBuilder()
        .add("template_secret", secret)
        .add("device_number", uniqueNumber());
  }

  private void patch(Template target, JsonObjectBuilder changes) {
    assertThat(api.adminPatch("api/v1/admin/templates/" + target.id(), changes).status())
        .isEqualTo(200);
  }
}
