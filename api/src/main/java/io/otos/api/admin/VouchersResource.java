package io.otos.api.admin;

import io.otos.api.json.Ids;
import io.otos.core.voucher.VoucherService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Vouchers: revoke one without blocking its device. */
@RequestScoped
@AdminOnly
@Path("v1/admin/vouchers")
@Produces(MediaType.APPLICATION_JSON)
public class VouchersResource {

  @Inject VoucherService vouchers;

  @POST
  @Path("{id}/revoke")
  public VoucherView revoke(@PathParam("id") String id) {
    return VoucherView.of(vouchers.revoke(Ids.parse(id, "id")));
  }
}
