package io.otos.core.auth;

import io.otos.core.audit.AuditTrail;
import io.otos.core.audit.AuthAttempt;
import io.otos.core.audit.AuthOutcome;
import io.otos.core.device.Device;
import io.otos.core.device.DeviceRepository;
import io.otos.core.device.SubDevices;
import io.otos.core.product.ProductService;
import io.otos.core.shared.DomainException;
import io.otos.core.template.DeviceTemplate;
import io.otos.core.template.RegistrationMode;
import io.otos.core.template.TemplateService;
import io.otos.core.voucher.IssuedVoucher;
import io.otos.core.voucher.VoucherService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;

/**
 * One provisioning, in one transaction: find the template by the device's credential, create or
 * find the device, issue its voucher and record the attempt. Either all of it is stored or none.
 */
@ApplicationScoped
public class Provisioning {

  private final TemplateService templates;
  private final ProductService products;
  private final DeviceRepository devices;
  private final VoucherService vouchers;
  private final AuditTrail audit;
  private final SubDevices subDevices;

  @Inject Event<DeviceProvisioned> provisioned;
  @Inject TemplateCredentials credentials;

  @Inject
  public Provisioning(
      TemplateService templates,
      ProductService products,
      DeviceRepository devices,
      VoucherService vouchers,
      AuditTrail audit,
      SubDevices subDevices) {
    this.templates = templates;
    this.products = products;
    this.devices = devices;
    this.vouchers = vouchers;
    this.audit = audit;
    this.subDevices = subDevices;
  }

  /** Needed by CDI for the client proxy. */
  protected Provisioning() {
    this(null, null, null, null, null, null);
  }

  @Transactional
  public AuthResult provision(ValidAuthRequest request, String source, AttemptContext context) {
    DeviceTemplate template = credentials.admit(request.credential(), context);
    Optional<UUID> product =
        request.productKey().map(key -> products.resolveForDevice(key, template.id()).id());
    Optional<Device.ParentLink> parent = request.subDevice().map(subDevices::resolve);

    Optional<Device> known = devices.lockByNumber(request.deviceNumber());
    Optional<Device> added = known.isEmpty() ? addNewDevice(request, template) : Optional.empty();
    boolean firstProvisioning = added.isPresent();
    Device device =
        known
            .or(() -> added)
            .or(() -> devices.lockByNumber(request.deviceNumber())) // added by another request
            .orElseThrow(Provisioning::removedMeanwhile);
    if (!firstProvisioning) {
      context.device(device.id()); // a new device's row goes away if this attempt fails
    }
    device.checkMayProvision(template.id(), template.reauthPolicy());
    parent.ifPresent(link -> subDevices.checkPlacement(link, device));
    device.authenticated(
        template.id(), template.reauthPolicy(), request.deviceName(), product, parent);
    devices.flush();

    IssuedVoucher voucher = vouchers.reissue(device.id());
    audit.record(
        new AuthAttempt(
                source,
                request.deviceNumber().value(),
                template.id(),
                device.id(),
                AuthOutcome.SUCCESS,
                firstProvisioning ? "PROVISIONED" : "REISSUED",
                null)
            .withSecretUsed(context.secretUsed().name())
            .withCredential(context.credential()));
    provisioned.fire(new DeviceProvisioned(device.id(), template.id(), firstProvisioning));
    return new AuthResult(device.id(), voucher);
  }

  /** The number was taken by another request, whose device was then removed (from an allowlist). */
  private static DomainException removedMeanwhile() {
    return new DomainException(
        DomainException.Kind.CONFLICT,
        "DEVICE_NUMBER_CHANGING",
        "device_number was registered and removed while this request ran; try again");
  }

  /**
   * Adds a device the template has never seen, if its registration mode and device cap allow it.
   *
   * @return the device, if this request added it (another one may have, at the same moment)
   */
  private Optional<Device> addNewDevice(ValidAuthRequest request, DeviceTemplate template) {
    if (template.registrationMode() == RegistrationMode.ALLOWLIST) {
      throw new DomainException(
          DomainException.Kind.FORBIDDEN,
          "DEVICE_NOT_ALLOWLISTED",
          "device_number is not registered for this template; ask an administrator to add it to the allowlist");
    }
    OptionalInt cap = template.maxDevices();
    if (cap.isPresent()) {
      cap = templates.lockForNewDevice(template).maxDevices(); // the cap in force now
    }
    Optional<Device> added =
        devices.addIfAbsent(Device.firstSeen(request.deviceNumber(), template.id()));
    if (added.isPresent()
        && cap.isPresent()
        && devices.countByTemplate(template.id()) > cap.getAsInt()) {
      throw new DomainException(
          DomainException.Kind.FORBIDDEN,
          "DEVICE_LIMIT_REACHED",
          "device limit reached: the template admits no more devices");
    }
    return added;
  }
}
