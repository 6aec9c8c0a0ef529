package io.otos.api.device;

import io.otos.core.shared.ProxiedAddress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The address a request to the API comes from, for the audit trail and the failure limits: the
 * proxy's word for it when {@code otos.client-address.header} names one ({@link ProxiedAddress}).
 */
@ApplicationScoped
public class ClientAddress {

  private final ProxiedAddress proxied;

  @Inject
  public ClientAddress(ProxiedAddress proxied) {
    this.proxied = proxied;
  }

  /** Needed by CDI for the client proxy. */
  protected ClientAddress() {
    this.proxied = null;
  }

  /** The client's address: the proxy's word for it when configured and well-formed. */
  public String of(HttpServletRequest request) {
    return proxied.of(request::getHeaders, request.getRemoteAddr());
  }
}
