package io.otos.core.shared;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where a request really comes from, for the audit trail and the limits on failures, whether a
 * device or a person sent it. Behind a proxy or TLS terminator every request comes from the proxy;
 * then {@code otos.client-address.header} names the header the proxy puts the client's address in
 * (such as {@code X-Forwarded-For}), and the last address in it, the one the proxy added, is taken:
 * the last of its lines (a proxy may add a line of its own rather than extend the client's), and
 * the last address in that line. Set it only when such a proxy is the only way in: a client could
 * otherwise claim any address.
 */
@ApplicationScoped
public class ProxiedAddress {

  private static final Pattern ADDRESS = Pattern.compile("[0-9A-Fa-f.:\\[\\]]{2,45}");

  private final Optional<String> header;

  @Inject
  public ProxiedAddress(
      @ConfigProperty(name = "otos.client-address.header") Optional<String> header) {
    this.header = header.map(String::strip).filter(h -> !h.isEmpty());
  }

  /** Needed by CDI for the client proxy. */
  protected ProxiedAddress() {
    this.header = Optional.empty();
  }

  /** The header that carries the client's address, when a proxy is configured. */
  public Optional<String> header() {
    return header;
  }

  /**
   * The client's address: the proxy's word for it when a header is configured and what it holds is
   * well-formed, the peer's address otherwise.
   *
   * @param headers the request's lines of a header, by name
   */
  public String of(Function<String, Enumeration<String>> headers, String peer) {
    return header
        .map(name -> lastAddress(Collections.list(headers.apply(name)), peer))
        .orElse(peer);
  }

  /** The last address of the last line, if it is well-formed; the peer's address otherwise. */
  public static String lastAddress(List<String> lines, String peer) {
    if (lines.isEmpty()) {
      return peer;
    }
    String line = lines.get(lines.size() - 1);
    String address = line.substring(line.lastIndexOf(',') + 1).strip();
    return ADDRESS.matcher(address).matches() ? address : peer;
  }
}
