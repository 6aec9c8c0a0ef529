package io.otos.api.admin;

import io.otos.api.json.Ids;
import io.otos.core.device.DeviceFilter;
import io.otos.core.device.DeviceService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Optional;

/** Provisioned devices: search them by template and number prefix, read one. */
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
}
