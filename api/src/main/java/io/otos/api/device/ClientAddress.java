package io.otos.api.device;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The address a device request comes from, for the audit trail and the failure limits. Behind a
 * proxy or TLS terminator every request comes from the proxy; then {@code
 * otos.client-address.header} names the header the proxy puts the device's address in (such as
 * {@code X-Forwarded-For}), and the last address in it, the one the proxy added, is taken. Set it
 * only when such a proxy is the only way in: a device could otherwise claim any address.
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
        .map(request::getHeader)
        .map(value -> value.substring(value.lastIndexOf(',') + 1).strip())
        .filter(address -> ADDRESS.matcher(address).matches())
        .orElseGet(request::getRemoteAddr);
  }
}
