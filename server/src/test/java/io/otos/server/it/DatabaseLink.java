package io.otos.server.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP link between the server and its PostgreSQL, on loopback, that a test can cut and restore:
 * the way to take the database away from a running server without stopping the database itself.
 */
final class DatabaseLink implements AutoCloseable {

  private final ServerSocket listener;
  private final InetSocketAddress database;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private volatile boolean cut;

  DatabaseLink(String databaseHost, int databasePort) throws IOException {
    this.database = new InetSocketAddress(databaseHost, databasePort);
    this.listener = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::accept, "database-link");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  int port() {
    return listener.getLocalPort();
  }

  /** Drops every connection and refuses new ones, as a database that went away. */
  void cut() {
    cut = true;
    open.forEach(DatabaseLink::closeQuietly);
  }

  void restore() {
    cut = false;
  }

  private void accept() {
    while (!listener.isClosed()) {
      try {
        Socket client = listener.accept();
        if (cut) {
          closeQuietly(client);
          continue;
        }
        Socket server = new Socket();
        server.connect(database, 5000);
        // Small writes go out at once, as on a direct connection (else each waits for a delayed
        // ACK).
        client.setTcpNoDelay(true);
        server.setTcpNoDelay(true);
        open.add(client);
        open.add(server);
        if (cut) { // cut while this connection was being made
          closeQuietly(client);
          closeQuietly(server);
          continue;
        }
        pump(client, server);
        pump(server, client);
      } catch (IOException e) {
        // listener closed, or the database refused: the client sees its connection closed
      }
    }
  }

  private void pump(Socket from, Socket to) {
    Thread thread =
        new Thread(
            () -> {
              try (InputStream in = from.getInputStream();
                  OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
              } catch (IOException e) {
                // one side closed
              } finally {
                closeQuietly(from);
                closeQuietly(to);
                open.remove(from);
                open.remove(to);
              }
            },
            "database-link-pump");
    thread.setDaemon(true);
    thread.start();
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // already closed
    }
  }

  @Override
  public void close() throws IOException {
    cut();
    listener.close();
  }
}
