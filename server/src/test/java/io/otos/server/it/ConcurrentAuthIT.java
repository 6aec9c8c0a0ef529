package io.otos.server.it;

import static io.otos.server.it.ApiClient.uniqueAddress;
import static io.otos.server.it.ApiClient.uniqueNumber;
import static org.assertj.core.api.Assertions.assertThat;

import io.otos.server.OtosDataSource;
import io.otos.server.it.ApiClient.Answer;
import io.otos.server.it.ApiClient.Template;
import jakarta.json.Json;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Device auths at the same moment, which share transactions (docs/architecture.md, "Group commit"):
 * each is answered, stored and audited as if it had come alone, and no number gets two devices.
 */
class ConcurrentAuthIT extends AgainstTheServer {

  @Test
  void parallelFirstAuthsOfOneNumberCreateExactlyOneDevice() throws Exception {
    String number = uniqueNumber();
    int parallel = 24;
    ExecutorService pool = Executors.newFixedThreadPool(parallel);
    try {
      List<Callable<Answer>> calls = new ArrayList<>();
      for (int i = 0; i < parallel; i++) {
        calls.add(() -> api.deviceAuth(template.secret(), number));
      }
      List<Answer> answers = new ArrayList<>();
      for (Future<Answer> future : pool.invokeAll(calls)) {
        answers.add(future.get());
      }
      assertThat(answers).extracting(Answer::status).containsOnly(200);
      assertThat(answers).extracting(Answer::deviceId).containsOnly(answers.get(0).deviceId());
    } finally {
      pool.shutdownNow();
    }
    try (var db = TestEnvironment.database();
        var query =
            db.prepareStatement(
                "SELECT COUNT(DISTINCT d.id), COUNT(v.id) FILTER (WHERE v.revoked_at IS NULL), COUNT(v.id)"
                    + " FROM device d JOIN voucher v ON v.device_id = d.id WHERE d.device_number = ?")) {
      query.setString(1, number);
      var row = query.executeQuery();
      row.next();
      assertThat(row.getInt(1)).as("devices").isEqualTo(1);
      assertThat(row.getInt(2)).as("active vouchers").isEqualTo(1);
      assertThat(row.getInt(3)).as("vouchers issued").isEqualTo(parallel);
    }
    var audited =
        api.adminGet("api/v1/admin/auth-attempts?limit=500&device_number=" + number)
            .json()
            .getJsonArray("items");
    assertThat(audited).hasSize(parallel);
    assertThat(audited.stream().map(a -> a.asJsonObject().getString("reason")))
        .filteredOn("PROVISIONED"::equals)
        .hasSize(1);
  }

  /**
   * Concurrent requests share transactions (docs/architecture.md): each must still be answered,
   * stored and audited as if it had come alone, whatever the others in its group did.
   */
  @Test
  void parallelAuthsOfManyDevicesAreEachAnsweredAndStoredAsIfAlone() throws Exception {
    List<String> known = numbers(16);
    List<String> fresh = numbers(16);
    List<String> unknownProduct = numbers(8);
    List<String> wrongSecret = numbers(8);
    List<String> othersNumbers = numbers(8); // refused after the device's lock, not before
    for (String number : known) {
      assertThat(api.deviceAuth(template.secret(), number).status()).isEqualTo(200);
    }
    Template other = api.createTemplate();
    for (String number : othersNumbers) {
      assertThat(api.deviceAuth(other.secret(), number).status()).isEqualTo(200);
    }
    List<Callable<Answer>> calls = new ArrayList<>();
    for (String number : known) {
      calls.add(() -> api.deviceAuthFrom(uniqueAddress(), auth(number)));
    }
    for (String number : fresh) {
      calls.add(() -> api.deviceAuthFrom(uniqueAddress(), auth(number)));
    }
    for (String number : unknownProduct) {
      calls.add(
          () ->
              api.deviceAuthFrom(uniqueAddress(), auth(number).add("product_key", "no-such-key")));
    }
    for (String number : wrongSecret) {
      calls.add(() -> api.deviceAuthFrom(uniqueAddress(), "not-the-secret-0123456789", number));
    }
    for (String number : othersNumbers) {
      calls.add(() -> api.deviceAuthFrom(uniqueAddress(), auth(number)));
    }
    Collections.shuffle(calls);
    ExecutorService pool = Executors.newFixedThreadPool(calls.size());
    List<Answer> answers = new ArrayList<>();
    try {
      for (Future<Answer> future : pool.invokeAll(calls)) {
        answers.add(future.get());
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(answers).extracting(Answer::status).filteredOn(s -> s == 200).hasSize(32);
    assertEightRefused(answers, 400, "PRODUCT_KEY_UNKNOWN");
    assertEightRefused(answers, 401, "TEMPLATE_SECRET_INVALID");
    assertEightRefused(answers, 409, "DEVICE_NUMBER_TAKEN");
    assertThat(answers)
        .filteredOn(a -> a.status() == 200)
        .extracting(a -> a.voucher().getString("password"))
        .doesNotHaveDuplicates();
    Map<String, String> stored = new HashMap<>();
    try (var db = TestEnvironment.database();
        var query =
            db.prepareStatement(
                "SELECT n.number, COUNT(DISTINCT d.id), COUNT(v.id),"
                    + " COUNT(v.id) FILTER (WHERE v.revoked_at IS NULL),"
                    + " (SELECT string_agg(a.outcome || ' ' || a.reason, ', ' ORDER BY a.occurred_at)"
                    + "  FROM auth_attempt a WHERE a.device_number = n.number)"
                    + " FROM unnest(?) AS n(number) LEFT JOIN device d ON d.device_number = n.number"
                    + " LEFT JOIN voucher v ON v.device_id = d.id GROUP BY n.number")) {
      List<String> all = new ArrayList<>(known);
      all.addAll(fresh);
      all.addAll(unknownProduct);
      all.addAll(wrongSecret);
      all.addAll(othersNumbers);
      query.setArray(1, db.createArrayOf("text", all.toArray()));
      var rows = query.executeQuery();
      while (rows.next()) {
        stored.put(
            rows.getString(1),
            rows.getInt(2)
                + " device, "
                + rows.getInt(3)
                + " vouchers, "
                + rows.getInt(4)
                + " active; "
                + rows.getString(5));
      }
    }
    assertEachStored(
        stored, known, "1 device, 2 vouchers, 1 active; SUCCESS PROVISIONED, SUCCESS REISSUED");
    assertEachStored(stored, fresh, "1 device, 1 vouchers, 1 active; SUCCESS PROVISIONED");
    assertEachStored(
        stored, unknownProduct, "0 device, 0 vouchers, 0 active; FAILURE PRODUCT_KEY_UNKNOWN");
    assertEachStored(
        stored, wrongSecret, "0 device, 0 vouchers, 0 active; FAILURE TEMPLATE_SECRET_INVALID");
    assertEachStored(
        stored,
        othersNumbers,
        "1 device, 1 vouchers, 1 active; SUCCESS PROVISIONED, FAILURE DEVICE_NUMBER_TAKEN");
  }

  /**
   * A group adds its new devices after it has handled its requests. If another transaction added
   * one of their numbers meanwhile (another node, or a sub-device's request, which runs alone), the
   * request lost that race: it runs again alone, and is answered as the device's repeat.
   */
  @Test
  void aNumberAddedByAnotherTransactionMeanwhileIsAnsweredAsARepeatOnce() throws Exception {
    String number = uniqueNumber();
    UUID addedElsewhere = UUID.randomUUID();
    ExecutorService pool = Executors.newSingleThreadExecutor();
    Answer answer;
    try (var elsewhere = TestEnvironment.database()) {
      elsewhere.setAutoCommit(false);
      try (var insert =
          elsewhere.prepareStatement(
              "INSERT INTO device (id, device_number, template_id, status, created_at, updated_at)"
                  + " VALUES (?::uuid, ?, ?::uuid, 'ACTIVE', now(), now())")) {
        insert.setString(1, addedElsewhere.toString());
        insert.setString(2, number);
        insert.setString(3, template.id().toString());
        insert.executeUpdate();
      }
      Future<Answer> pending = pool.submit(() -> api.deviceAuth(auth(number)));
      awaitAnInsertOfDevicesWaiting();
      elsewhere.commit();
      answer = pending.get(60, TimeUnit.SECONDS);
    } finally {
      pool.shutdownNow();
    }

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.deviceId()).isEqualTo(addedElsewhere.toString());
    try (var db = TestEnvironment.database();
        var query =
            db.prepareStatement(
                "SELECT (SELECT COUNT(*) FROM device WHERE device_number = ?),"
                    + " (SELECT COUNT(*) FROM voucher WHERE device_id = ?::uuid),"
                    + " (SELECT string_agg(outcome || ' ' || reason, ', ') FROM auth_attempt"
                    + "  WHERE device_number = ?)")) {
      query.setString(1, number);
      query.setString(2, addedElsewhere.toString());
      query.setString(3, number);
      var row = query.executeQuery();
      row.next();
      assertThat(row.getInt(1)).as("devices").isEqualTo(1);
      assertThat(row.getInt(2)).as("vouchers").isEqualTo(1);
      assertThat(row.getString(3)).as("audited").isEqualTo("SUCCESS REISSUED");
    }
  }

  /**
   * A request that holds a lock must find a connection for its next statement even when every
   * connection of the pool is held by requests waiting for that lock (once, a capped template's
   * lock holder failed with a 503 after the pool's wait).
   */
  @Test
  void aCapHeldWhileEveryConnectionWaitsForItStillAdmitsExactlyItsDevices() throws Exception {
    assertThat(
            api.adminPatch(
                    "api/v1/admin/templates/" + template.id(),
                    Json.createObjectBuilder().add("max_devices", 10))
                .status())
        .isEqualTo(200);

    List<Answer> answers =
        whileEveryConnectionWaits(
            "SELECT 1 FROM device_template WHERE id = '" + template.id() + "' FOR UPDATE",
            () -> api.deviceAuthFrom(uniqueAddress(), auth(uniqueNumber())));

    assertThat(answers).filteredOn(answer -> answer.status() == 200).hasSize(10);
    assertThat(answers)
        .filteredOn(answer -> answer.status() != 200)
        .extracting(Answer::errorCode)
        .hasSize(answers.size() - 10)
        .containsOnly("DEVICE_LIMIT_REACHED");
  }

  /** As above, for a sub-device's row: its parent is read before it is locked. */
  @Test
  void aSubDeviceHeldWhileEveryConnectionWaitsForItIsAnsweredToEveryRequest() throws Exception {
    String parent = uniqueNumber();
    String number = uniqueNumber();
    assertThat(api.deviceAuth(auth(parent)).status()).isEqualTo(200);
    String deviceId =
        api.deviceAuth(
                auth(number).add("parent_device_number", parent).add("sub_device_addr", "port-1"))
            .deviceId();

    List<Answer> answers =
        whileEveryConnectionWaits(
            "SELECT 1 FROM device WHERE device_number = '" + number + "' FOR UPDATE",
            () ->
                api.deviceAuthFrom(
                    uniqueAddress(),
                    auth(number)
                        .add("parent_device_number", parent)
                        .add("sub_device_addr", "port-1")));

    assertThat(answers).extracting(Answer::status).containsOnly(200);
    assertThat(answers).extracting(Answer::deviceId).containsOnly(deviceId);
  }

  /**
   * Sends more requests than the pool has connections while another transaction holds a lock they
   * all need, waits until every connection of the pool waits for it (or 10 s), then lets it go.
   *
   * @return every request's answer
   * @throws AssertionError if fewer connections than the pool's waited: requests then held more
   *     than one connection each, or the pool is larger than the request threads
   */
  private static List<Answer> whileEveryConnectionWaits(String lock, Callable<Answer> request)
      throws Exception {
    int connections = OtosDataSource.MAX_POOL_SIZE;
    ExecutorService pool = Executors.newFixedThreadPool(connections + 16);
    List<Answer> answers = new ArrayList<>();
    int waited;
    try (var holder = TestEnvironment.database()) {
      holder.setAutoCommit(false);
      try (var statement = holder.createStatement()) {
        statement.execute(lock);
      }
      List<Future<Answer>> pending = new ArrayList<>();
      for (int i = 0; i < connections + 16; i++) {
        pending.add(pool.submit(request));
      }
      waited = awaitWaitingForALock(connections);
      holder.commit();
      for (Future<Answer> answer : pending) {
        answers.add(answer.get(60, TimeUnit.SECONDS));
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(waited)
        .as("statements waiting for the lock; answers: %s", statuses(answers))
        .isEqualTo(connections);
    return answers;
  }

  /**
   * Waits until {@code count} of the service's statements wait for a lock, or 10 s.
   *
   * @return how many waited at the most
   */
  private static int awaitWaitingForALock(int count) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    int most = 0;
    try (var db = TestEnvironment.database();
        var query =
            db.prepareStatement(
                "SELECT COUNT(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                    + " AND datname = current_database()")) {
      while (most < count && System.nanoTime() < deadline) {
        var row = query.executeQuery();
        row.next();
        most = Math.max(most, row.getInt(1));
        Thread.sleep(20);
      }
    }
    return most;
  }

  private static Map<Integer, Integer> statuses(List<Answer> answers) {
    Map<Integer, Integer> statuses = new HashMap<>();
    answers.forEach(answer -> statuses.merge(answer.status(), 1, Integer::sum));
    return statuses;
  }

  /** Waits until the service's insert of new devices waits for another transaction's row. */
  private static void awaitAnInsertOfDevicesWaiting() throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    try (var db = TestEnvironment.database();
        var query =
            db.prepareStatement(
                "SELECT COUNT(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                    + " AND query LIKE 'INSERT INTO device (%'")) {
      while (System.nanoTime() < deadline) {
        var row = query.executeQuery();
        row.next();
        if (row.getInt(1) > 0) {
          return;
        }
        Thread.sleep(20);
      }
    }
    throw new AssertionError("the device auth never waited for the device added elsewhere");
  }

  private static void assertEachStored(
      Map<String, String> stored, List<String> numbers, String expected) {
    numbers.forEach(number -> assertThat(stored.get(number)).as(number).isEqualTo(expected));
  }

  private static void assertEightRefused(List<Answer> answers, int status, String code) {
    assertThat(answers)
        .filteredOn(answer -> answer.status() == status)
        .extracting(Answer::errorCode)
        .hasSize(8)
        .containsOnly(code);
  }

  private static List<String> numbers(int count) {
    List<String> numbers = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      numbers.add(uniqueNumber());
    }
    return numbers;
  }
}
