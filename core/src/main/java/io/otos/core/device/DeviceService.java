package io.otos.core.device;

import io.otos.core.shared.Page;
import io.otos.core.shared.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.UUID;

/** What admins and auditors read about devices. Devices are created by authentication, not here. */
@ApplicationScoped
@Transactional
public class DeviceService {

  private final DeviceRepository devices;

  @Inject
  public DeviceService(DeviceRepository devices) {
    this.devices = devices;
  }

  /** Needed by CDI for the client proxy. */
  protected DeviceService() {
    this(null);
  }

  public Device get(UUID id) {
    return devices.find(id).orElseThrow(DeviceNotFoundException::new);
  }

  public Page<Device> search(DeviceFilter filter, PageRequest page) {
    return devices.search(filter, page);
  }

  public long count() {
    return devices.count();
  }
}
