package io.otos.api.admin;

import io.otos.api.json.Ids;
import io.otos.core.device.DeviceFilter;
import io.otos.core.device.DeviceService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Optional;

/** Devices: search them, read one and its vouchers, block, unblock and reset it. */
@RequestScoped
@AdminOnly
@Path("v1/admin/devices")
@Produces(MediaType.APPLICATION_JSON)
public class DevicesResource {

  @Inject DeviceService devices;

  @GET
  public PageView<DeviceView> search(
      @QueryParam("template_id") String templateId,
      @QueryParam("device_number") String numberPrefix,
      @QueryParam("offset") String offset,
      @QueryParam("limit") String limit) {
    var filter =
        new DeviceFilter(
            Optional.ofNullable(templateId).map(id -> Ids.parse(id, "template_id")),
            Optional.ofNullable(numberPrefix).filter(p -> !p.isEmpty()));
    return PageView.of(devices.search(filter, Paging.of(offset, limit)).map(DeviceView::of));
  }

  @GET
  @Path("{id}")
  public DeviceView get(@PathParam("id") String id) {
    return DeviceView.of(devices.get(Ids.parse(id, "id")));
  }

  /** The device's vouchers, newest first; never a password. */
  @GET
  @Path("{id}/vouchers")
  public PageView<VoucherView> vouchers(
      @PathParam("id") String id,
      @QueryParam("offset") String offset,
      @QueryParam("limit") String limit) {
    return PageView.of(
        devices.vouchers(Ids.parse(id, "id"), Paging.of(offset, limit)).map(VoucherView::of));
  }

  /** Blocks the device and revokes its voucher. */
  @POST
  @Path("{id}/block")
  public DeviceView block(@PathParam("id") String id) {
    return DeviceView.of(devices.block(Ids.parse(id, "id")));
  }

  /** Lifts a block; the device may provision once more. */
  @POST
  @Path("{id}/unblock")
  public DeviceView unblock(@PathParam("id") String id) {
    return DeviceView.of(devices.unblock(Ids.parse(id, "id")));
  }

  /** Revokes the device's voucher and lets it provision once more, even under the REJECT policy. */
  @POST
  @Path("{id}/reset")
  public DeviceView reset(@PathParam("id") String id) {
    return DeviceView.of(devices.reset(Ids.parse(id, "id")));
  }
}
