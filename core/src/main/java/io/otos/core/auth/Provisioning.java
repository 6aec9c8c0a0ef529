package io.otos.core.auth;

import io.otos.core.audit.AuditTrail;
import io.otos.core.audit.AuthAttempt;
import io.otos.core.audit.AuthOutcome;
import io.otos.core.device.Device;
import io.otos.core.device.DeviceRepository;
import io.otos.core.device.SubDevices;
import io.otos.core.product.ProductService;
import io.otos.core.shared.Clocks;
import io.otos.core.shared.DomainException;
import io.otos.core.store.InsertRepository;
import io.otos.core.store.Inserts;
import io.otos.core.template.DeviceTemplate;
import io.otos.core.template.RegistrationMode;
import io.otos.core.template.TemplateService;
import io.otos.core.voucher.IssuedVoucher;
import io.otos.core.voucher.VoucherService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
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
  @Inject InsertRepository rows;

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

    OffsetDateTime now = Clocks.now();
    Optional<Device> known = devices.lockForAuthentication(request.deviceNumber(), now);
    if (known.isEmpty()) {
      Optional<Device> added = addNewDevice(request, template, product, parent, now);
      if (added.isPresent()) {
        return provisioned(added.get(), true, request, source, context);
      }
      // added by another request
      known = devices.lockForAuthentication(request.deviceNumber(), now);
    }
    Device device = known.orElseThrow(Provisioning::removedMeanwhile);
    context.device(device.id()); // only a device that existed: a new one's row would be rolled back
    device.checkMayProvision(template.id(), template.reauthPolicy());
    parent.ifPresent(link -> subDevices.checkPlacement(link, device));
    Device.Registration before = device.registration();
    device.authenticated(
        template.id(), template.reauthPolicy(), request.deviceName(), product, parent, now);
    if (!device.registration().equals(before)) {
      devices.updateRegistration(device); // the lock wrote the time; this, the rest
    }
    return provisioned(device, false, request, source, context);
  }

  /**
   * Issues the device's voucher and audits the success, both written by one statement, and
   * announces it.
   */
  private AuthResult provisioned(
      Device device,
      boolean firstProvisioning,
      ValidAuthRequest request,
      String source,
      AttemptContext context) {
    Inserts inserts = new Inserts();
    IssuedVoucher voucher =
        firstProvisioning
            ? vouchers.issueFirst(device.id(), inserts)
            : vouchers.reissue(device.id(), inserts);
    audit.record(
        new AuthAttempt(
                source,
                request.deviceNumber().value(),
                device.templateId(),
                device.id(),
                AuthOutcome.SUCCESS,
                firstProvisioning ? "PROVISIONED" : "REISSUED",
                null)
            .withSecretUsed(context.secretUsed().name())
            .withCredential(context.credential()),
        inserts);
    rows.insertAll(inserts);
    provisioned.fire(new DeviceProvisioned(device.id(), device.templateId(), firstProvisioning));
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
   * Adds a device the template has never seen, if its registration mode and device cap allow it,
   * already provisioned: one statement writes it whole.
   *
   * @return the device, if this request added it (another one may have, at the same moment)
   */
  private Optional<Device> addNewDevice(
      ValidAuthRequest request,
      DeviceTemplate template,
      Optional<UUID> product,
      Optional<Device.ParentLink> parent,
      OffsetDateTime now) {
    if (template.registrationMode() == RegistrationMode.ALLOWLIST) {
      throw new DomainException(
          DomainException.Kind.FORBIDDEN,
          "DEVICE_NOT_ALLOWLISTED",
          "device_number is not registered for this template; ask an administrator to add it to the allowlist");
    }
    Device device = Device.firstSeen(request.deviceNumber(), template.id());
    parent.ifPresent(link -> subDevices.checkPlacement(link, device));
    device.authenticated(
        template.id(), template.reauthPolicy(), request.deviceName(), product, parent, now);
    OptionalInt cap = template.maxDevices();
    if (cap.isPresent()) {
      cap = templates.lockForNewDevice(template).maxDevices(); // the cap in force now
    }
    Optional<Device> added = devices.addIfAbsent(device) ? Optional.of(device) : Optional.empty();
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
