package io.otos.server.run;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** What `./otos run` reads from the environment, with its defaults. */
record RunSettings(
    Path home,
    Path dataDir,
    String httpAddress,
    int httpPort,
    Optional<String> dbUrl,
    String dbUser,
    String dbPassword,
    Optional<String> adminToken,
    Optional<String> hashKey,
    Optional<String> secretKey) {

  static RunSettings from(Map<String, String> env, Path home) {
    return new RunSettings(
        home,
        value(env, "OTOS_DATA_DIR").map(Path::of).orElse(home.resolve(".otos")).toAbsolutePath(),
        value(env, "OTOS_HTTP_ADDRESS").orElse("127.0.0.1"),
        port(value(env, "OTOS_HTTP_PORT").orElse("8080")),
        value(env, "OTOS_DB_URL"),
        value(env, "OTOS_DB_USER").orElse("otos"),
        value(env, "OTOS_DB_PASSWORD").orElse(""),
        value(env, "OTOS_ADMIN_TOKEN"),
        value(env, "OTOS_HASH_KEY"),
        value(env, "OTOS_SECRET_KEY"));
  }

  private static Optional<String> value(Map<String, String> env, String name) {
    return Optional.ofNullable(env.get(name)).map(String::strip).filter(v -> !v.isEmpty());
  }

  private static int port(String value) {
    try {
      int port = Integer.parseInt(value);
      if (port >= 1 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("OTOS_HTTP_PORT must be a port number from 1 to 65535");
  }

  /** The host part of URLs printed for people: a wildcard address is reached on loopback. */
  String reachableHost() {
    String host =
        httpAddress.equals("0.0.0.0") || httpAddress.equals("::") ? "localhost" : httpAddress;
    return host.contains(":") ? "[" + host + "]" : host;
  }

  String baseUrl() {
    return "http://" + reachableHost() + ":" + httpPort;
  }
}
