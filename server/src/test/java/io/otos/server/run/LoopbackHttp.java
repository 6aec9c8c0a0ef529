package io.otos.server.run;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One kept-alive HTTP/1.1 connection that POSTs JSON and reads the answer's status, with as little
 * work as the protocol allows: the bench's generators share the server's two cores, and what they
 * spend the server cannot. It reads {@code Content-Length} and chunked bodies, reconnects when the
 * server closes, and is used by one thread at a time.
 */
final class LoopbackHttp implements AutoCloseable {

  private final InetSocketAddress address;
  private final byte[] head;
  private Socket socket;
  private InputStream in;
  private OutputStream out;

  /** The answer's status and, when asked for, its body. */
  record Answer(int status, String body, long retryAfterSeconds) {}

  LoopbackHttp(URI url) {
    this.address = new InetSocketAddress(url.getHost(), url.getPort());
    this.head =
        ("POST "
                + url.getRawPath()
                + " HTTP/1.1\r\nHost: "
                + url.getHost()
                + ":"
                + url.getPort()
                + "\r\nContent-Type: application/json\r\nContent-Length: ")
            .getBytes(StandardCharsets.US_ASCII);
  }

  /**
   * POSTs {@code json}; reads the body into the answer only when {@code keepBody}. Throws when the
   * connection broke, and then connects afresh on the next call.
   */
  Answer post(String json, boolean keepBody) throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    try {
      if (socket == null) {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(address, 10_000);
        socket.setSoTimeout(30_000);
        in = new BufferedInputStream(socket.getInputStream(), 8192);
        out = socket.getOutputStream();
      }
      ByteArrayOutputStream request = new ByteArrayOutputStream(head.length + body.length + 16);
      request.write(head);
      request.write((body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      request.write(body);
      request.writeTo(out);
      out.flush();
      return readAnswer(keepBody);
    } catch (IOException | RuntimeException broken) {
      close();
      throw broken instanceof IOException io ? io : new IOException(broken);
    }
  }

  private Answer readAnswer(boolean keepBody) throws IOException {
    String statusLine = line();
    int status = Integer.parseInt(statusLine.substring(9, 12));
    long length = -1;
    boolean chunked = false;
    boolean closing = false;
    long retryAfter = -1;
    for (String header = line(); !header.isEmpty(); header = line()) {
      int colon = header.indexOf(':');
      String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
      String value = header.substring(colon + 1).trim();
      switch (name) {
        case "content-length" -> length = Long.parseLong(value);
        case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
        case "connection" -> closing = value.equalsIgnoreCase("close");
        case "retry-after" -> retryAfter = parseOr(value, -1);
        default -> {}
      }
    }
    ByteArrayOutputStream kept = keepBody ? new ByteArrayOutputStream() : null;
    if (chunked) {
      for (long size = Long.parseLong(line().split(";")[0].trim(), 16);
          size > 0;
          size = Long.parseLong(line().split(";")[0].trim(), 16)) {
        copy(size, kept);
        line();
      }
      for (String trailer = line(); !trailer.isEmpty(); trailer = line()) {
        // trailers are not used
      }
    } else if (length >= 0) {
      copy(length, kept);
    } else {
      closing = true; // the body ends with the connection
      copy(Long.MAX_VALUE, kept);
    }
    if (closing) {
      close();
    }
    return new Answer(
        status, kept == null ? "" : kept.toString(StandardCharsets.UTF_8), retryAfter);
  }

  private void copy(long bytes, ByteArrayOutputStream kept) throws IOException {
    byte[] buffer = new byte[4096];
    for (long left = bytes; left > 0; ) {
      int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
      if (read < 0) {
        if (bytes == Long.MAX_VALUE) {
          return;
        }
        throw new IOException("the connection closed inside a body");
      }
      if (kept != null) {
        kept.write(buffer, 0, read);
      }
      left -= read;
    }
  }

  /** A line of the head, without its CRLF. */
  private String line() throws IOException {
    StringBuilder line = new StringBuilder(64);
    for (int c = in.read(); c != '\n'; c = in.read()) {
      if (c < 0) {
        throw new IOException("the connection closed inside an answer's head");
      }
      if (c != '\r') {
        line.append((char) c);
      }
    }
    return line.toString();
  }

  private static long parseOr(String value, long fallback) {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException notSeconds) {
      return fallback;
    }
  }

  @Override
  public void close() {
    if (socket != null) {
      try {
        socket.close();
      } catch (IOException ignored) {
        // closing anyway
      }
      socket = null;
    }
  }
}
