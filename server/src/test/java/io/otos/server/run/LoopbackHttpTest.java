package io.otos.server.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The bench's HTTP client against a loopback socket that answers as scripted. */
class LoopbackHttpTest {

  private final ServerSocket server = serverSocket();
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final AtomicInteger connections = new AtomicInteger();

  @AfterEach
  void close() throws IOException {
    server.close();
  }

  @Test
  void keepsTheConnectionForTheNextRequestAndReadsLengthDelimitedBodies() throws Exception {
    Thread answering =
        answer(
            List.of(
                "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 11\r\n\r\n"
                    + "{\"id\":\"a\"}\n",
                "HTTP/1.1 409 Conflict\r\nContent-Length: 2\r\n\r\n{}"));
    try (LoopbackHttp http = new LoopbackHttp(url())) {
      LoopbackHttp.Answer first = http.post("{\"n\":1}", true);
      LoopbackHttp.Answer second = http.post("{\"n\":2}", false);
      answering.join(5_000);

      assertThat(first.status()).isEqualTo(200);
      assertThat(first.body()).isEqualTo("{\"id\":\"a\"}\n");
      assertThat(second.status()).isEqualTo(409);
      assertThat(second.body()).isEmpty();
    }
    assertThat(connections).hasValue(1);
    assertThat(requests)
        .containsExactly(
            "POST /api/v1/device/auth content-length 7: {\"n\":1}",
            "POST /api/v1/device/auth content-length 7: {\"n\":2}");
  }

  @Test
  void readsChunkedBodiesAndTheRetryAfterHeader() throws Exception {
    Thread answering =
        answer(
            List.of(
                "HTTP/1.1 429 Too Many Requests\r\nRetry-After: 7\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "4\r\n{\"co\r\n6;ext=1\r\nde\":1}\r\n0\r\n\r\n"));
    try (LoopbackHttp http = new LoopbackHttp(url())) {
      LoopbackHttp.Answer answer = http.post("{}", true);
      answering.join(5_000);

      assertThat(answer.status()).isEqualTo(429);
      assertThat(answer.retryAfterSeconds()).isEqualTo(7);
      assertThat(answer.body()).isEqualTo("{\"code\":1}");
    }
  }

  @Test
  void connectsAfreshAfterTheServerClosedTheConnection() throws Exception {
    Thread answering =
        answer(
            List.of(
                "HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nContent-Length: 0\r\n\r\n",
                "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}"));
    try (LoopbackHttp http = new LoopbackHttp(url())) {
      int first = http.post("{}", false).status();
      int second = http.post("{}", false).status();
      answering.join(5_000);

      assertThat(first).isEqualTo(503);
      assertThat(second).isEqualTo(200);
    }
    assertThat(connections).hasValue(2);
  }

  /**
   * Answers each request read with the next of {@code answers}; after an answer that says {@code
   * Connection: close}, closes and accepts the next connection.
   */
  private Thread answer(List<String> answers) {
    Thread thread =
        new Thread(
            () -> {
              int next = 0;
              while (next < answers.size()) {
                try (Socket socket = server.accept()) {
                  connections.incrementAndGet();
                  var in =
                      new BufferedReader(
                          new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
                  OutputStream out = socket.getOutputStream();
                  while (next < answers.size()) {
                    requests.add(read(in));
                    String answer = answers.get(next++);
                    out.write(answer.getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    if (answer.contains("Connection: close")) {
                      break;
                    }
                  }
                } catch (IOException e) {
                  return;
                }
              }
            });
    thread.start();
    return thread;
  }

  /** A request as "METHOD PATH content-length N: BODY". */
  private static String read(BufferedReader in) throws IOException {
    String requestLine = in.readLine();
    int length = 0;
    for (String header = in.readLine(); !header.isEmpty(); header = in.readLine()) {
      if (header.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
        length = Integer.parseInt(header.substring(15).trim());
      }
    }
    char[] body = new char[length];
    for (int read = 0; read < length; ) {
      int more = in.read(body, read, length - read);
      if (more < 0) {
        throw new IOException("the client closed inside a body");
      }
      read += more;
    }
    String[] parts = requestLine.split(" ");
    return parts[0] + " " + parts[1] + " content-length " + length + ": " + new String(body);
  }

  private URI url() {
    return URI.create("http://127.0.0.1:" + server.getLocalPort() + "/api/v1/device/auth");
  }

  private static ServerSocket serverSocket() {
    try {
      return new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
