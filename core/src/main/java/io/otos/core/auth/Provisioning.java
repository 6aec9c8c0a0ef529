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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;

/**
 * One provisioning, in one transaction: find the template by the device's credential, create or
 * find the device, issue its voucher and record the attempt. Either all of it is stored or none.
 * Concurrent ones share a transaction ({@link #provisionTogether}, {@link GroupedProvisioning}).
 */
@ApplicationScoped
public class Provisioning {

  private final TemplateService templates;
  private final ProductService products;
  private final DeviceRepository devices;
  private final VoucherService vouchers;
  private final AuditTrail audit;
  private final SubDevices subDevices;
  private final DeviceStatements alone;

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
    this.alone = new DeviceStatements.Alone(devices, vouchers);
  }

  /** Needed by CDI for the client proxy. */
  protected Provisioning() {
    this(null, null, null, null, null, null);
  }

  @Transactional
  public AuthResult provision(ValidAuthRequest request, String source, AttemptContext context) {
    DeviceTemplate template = credentials.admit(request.credential(), context);
    Inserts inserts = new Inserts();
    AuthResult result =
        provisionAdmitted(
            request,
            template,
            productOf(request, template),
            new Handling(source, context, alone, inserts, Clocks.now()));
    rows.insertAll(inserts);
    return result;
  }

  /**
   * Provisions a group in one transaction, each as {@link #provision} would, one after the other in
   * the order given, and hands each its result. First every request's template and product are
   * read, so that a refusal there costs the group no writes; then every device is locked at once;
   * after all requests, the group's rows are written, a statement for each kind ({@link
   * GroupStatements}).
   *
   * @throws GroupMemberFailed naming the request that was refused or lost a race, or one whose
   *     template caps its devices (the cap's lock would be taken between devices' locks, out of
   *     their order); then nothing is stored. Any other failure is no request's own, and is thrown
   *     as it is
   */
  @Transactional
  public void provisionTogether(List<GroupedProvisioning.Pending> group) {
    List<DeviceTemplate> admitted = new ArrayList<>(group.size());
    List<Optional<UUID>> productIds = new ArrayList<>(group.size());
    for (GroupedProvisioning.Pending pending : group) {
      try {
        DeviceTemplate template =
            credentials.admit(pending.request().credential(), pending.context(), admitted);
        if (template.maxDevices().isPresent()) {
          throw new GroupMemberFailed(pending, null);
        }
        admitted.add(template);
        productIds.add(productOf(pending.request(), template));
      } catch (RuntimeException failure) {
        throw GroupMemberFailed.of(pending, failure);
      }
    }
    OffsetDateTime now = Clocks.now();
    GroupStatements statements =
        GroupStatements.lock(
            group.stream().map(pending -> pending.request().deviceNumber()).toList(),
            now,
            devices,
            vouchers);
    Inserts inserts = new Inserts();
    for (int i = 0; i < group.size(); i++) {
      GroupedProvisioning.Pending pending = group.get(i);
      try {
        pending.done(
            provisionAdmitted(
                pending.request(),
                admitted.get(i),
                productIds.get(i),
                new Handling(pending.source(), pending.context(), statements, inserts, now)));
      } catch (RuntimeException failure) {
        throw GroupMemberFailed.of(pending, failure);
      }
    }
    Optional<String> lostRace = statements.write();
    if (lostRace.isPresent()) {
      throw new GroupMemberFailed(memberOf(group, lostRace.get()), null);
    }
    rows.insertAll(inserts); // every voucher and audit record of the group: one statement
  }

  private static GroupedProvisioning.Pending memberOf(
      List<GroupedProvisioning.Pending> group, String deviceNumber) {
    return group.stream()
        .filter(pending -> pending.key().equals(deviceNumber))
        .findFirst()
        .orElseThrow();
  }

  /**
   * What a request is handled with besides itself: where it came from, what its audit knows so far,
   * how its device's statements run, the rows its transaction writes at the end, and the time.
   */
  private record Handling(
      String source,
      AttemptContext context,
      DeviceStatements statements,
      Inserts inserts,
      OffsetDateTime now) {}

  private Optional<UUID> productOf(ValidAuthRequest request, DeviceTemplate template) {
    return request.productKey().map(key -> products.resolveForDevice(key, template.id()).id());
  }

  private AuthResult provisionAdmitted(
      ValidAuthRequest request,
      DeviceTemplate template,
      Optional<UUID> product,
      Handling handling) {
    Optional<Device.ParentLink> parent = request.subDevice().map(subDevices::resolve);

    OffsetDateTime now = handling.now();
    DeviceStatements statements = handling.statements();
    Optional<Device> known = statements.lockForAuthentication(request.deviceNumber(), now);
    if (known.isEmpty()) {
      Optional<Device> added = addNewDevice(request, template, product, parent, handling);
      if (added.isPresent()) {
        return provisioned(added.get(), true, request, handling);
      }
      // added by another request
      known = statements.lockForAuthentication(request.deviceNumber(), now);
    }
    Device device = known.orElseThrow(Provisioning::removedMeanwhile);
    // only a device that existed: a new one's row would be rolled back
    handling.context().device(device.id());
    device.checkMayProvision(template.id(), template.reauthPolicy());
    parent.ifPresent(link -> subDevices.checkPlacement(link, device));
    Device.Registration before = device.registration();
    device.authenticated(
        template.id(), template.reauthPolicy(), request.deviceName(), product, parent, now);
    if (!device.registration().equals(before)) {
      devices.updateRegistration(device); // the lock wrote the time; this, the rest
    }
    return provisioned(device, false, request, handling);
  }

  /**
   * Issues the device's voucher and audits the success, as rows of the inserts its caller writes
   * (one statement for the transaction), and announces it.
   */
  private AuthResult provisioned(
      Device device, boolean firstProvisioning, ValidAuthRequest request, Handling handling) {
    Inserts inserts = handling.inserts();
    AttemptContext context = handling.context();
    IssuedVoucher voucher =
        firstProvisioning
            ? vouchers.issueWithoutRevoking(device.id(), inserts)
            : handling.statements().reissue(device.id(), inserts);
    audit.record(
        new AuthAttempt(
                handling.source(),
                request.deviceNumber().value(),
                device.templateId(),
                device.id(),
                AuthOutcome.SUCCESS,
                firstProvisioning ? "PROVISIONED" : "REISSUED",
                null)
            .withSecretUsed(context.secretUsed().name())
            .withCredential(context.credential()),
        inserts);
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
      Handling handling) {
    OffsetDateTime now = handling.now();
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
    Optional<Device> added =
        handling.statements().addIfAbsent(device) ? Optional.of(device) : Optional.empty();
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
