package io.otos.api.device;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The address a device request comes from, for the audit trail and the failure limits. Behind a
 * proxy or TLS terminator every request comes from the proxy; then {@code
 * otos.client-address.header} names the header the proxy puts the device's address in (such as
 * {@code X-Forwarded-For}), and the last address in it, the one the proxy added, is taken: the last
 * of its lines (a proxy may add a line of its own rather than extend the device's), and the last
 * address in that line. Set it only when such a proxy is the only way in: a device could otherwise
 * claim any address.
 */
@ApplicationScoped
public class ClientAddress {

  private static final Pattern ADDRESS = Pattern.compile("[0-9A-Fa-f.:\\[\\]]{2,45}");

  private final Optional<String> header;

  @Inject
  public ClientAddress(
      @ConfigProperty(name = "otos.client-address.header") Optional<String> header) {
    this.header = header.map(String::strip).filter(h -> !h.isEmpty());
  }

  /** Needed by CDI for the client proxy. */
  protected ClientAddress() {
    this.header = Optional.empty();
  }

  /** The device's address: the proxy's word for it when configured and well-formed. */
  public String of(HttpServletRequest request) {
    return header
        .map(name -> Collections.list(request.getHeaders(name)))
        .map(lines -> lastAddress(lines, request.getRemoteAddr()))
        .orElseGet(request::getRemoteAddr);
  }

  /** The last address of the last line, if it is well-formed; the peer's address otherwise. */
  static String lastAddress(List<String> lines, String peer) {
    if (lines.isEmpty()) {
      return peer;
    }
    String line = lines.get(lines.size() - 1);
    String address = line.substring(line.lastIndexOf(',') + 1).strip();
    return ADDRESS.matcher(address).matches() ? address : peer;
  }
}
