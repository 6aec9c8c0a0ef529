package io.otos.core.allowlist;

import io.otos.core.device.Device;
import io.otos.core.device.DeviceNumber;
import io.otos.core.device.DeviceRepository;
import io.otos.core.device.DeviceStatus;
import io.otos.core.shared.Clocks;
import io.otos.core.shared.DomainException;
import io.otos.core.shared.Page;
import io.otos.core.shared.PageRequest;
import io.otos.core.shared.Text;
import io.otos.core.template.DeviceTemplate;
import io.otos.core.template.TemplateService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.UUID;

/**
 * A template's allowlist: the device numbers registered in advance, which are the only ones that
 * may provision under {@link io.otos.core.template.RegistrationMode#ALLOWLIST}. A registered number
 * is a device in status {@code REGISTERED}, with the id it keeps when it provisions.
 *
 * <p>Additions are all or nothing: one wrong line and nothing is registered, and every wrong line
 * is reported.
 */
@ApplicationScoped
@Transactional
public class AllowlistService {

  private final TemplateService templates;
  private final DeviceRepository devices;
  private final AllowlistRepository allowlists;

  @Inject
  public AllowlistService(
      TemplateService templates, DeviceRepository devices, AllowlistRepository allowlists) {
    this.templates = templates;
    this.devices = devices;
    this.allowlists = allowlists;
  }

  /** Needed by CDI for the client proxy. */
  protected AllowlistService() {
    this(null, null, null);
  }

  /** Registers these numbers; those the template has already are counted, not repeated. */
  public AllowlistResult add(UUID templateId, List<String> numbers) {
    List<AllowlistEntry> entries = new ArrayList<>();
    for (int i = 0; i < numbers.size(); i++) {
      entries.add(new AllowlistEntry(i + 1, numbers.get(i), java.util.Optional.empty()));
    }
    return register(templateId, entries, List.of());
  }

  /** Registers the devices of a CSV file (see {@link AllowlistCsv}). */
  public AllowlistResult importCsv(UUID templateId, Reader csv) {
    AllowlistCsv.Parsed parsed = AllowlistCsv.parse(csv);
    return register(templateId, parsed.entries(), parsed.problems());
  }

  /**
   * Takes a number off the allowlist. Only a device that never provisioned can be taken off; block
   * the others.
   */
  public void remove(UUID templateId, String number) {
    templates.get(templateId);
    Device device =
        devices
            .lockByNumber(new DeviceNumber(number))
            .filter(d -> d.templateId().equals(templateId) && d.isPreRegistered())
            .orElseThrow(
                () ->
                    new DomainException(
                        DomainException.Kind.NOT_FOUND,
                        "ALLOWLIST_ENTRY_NOT_FOUND",
                        "This device number is not on the template's allowlist"));
    if (device.lastAuthAt().isPresent() || device.status() != DeviceStatus.REGISTERED) {
      throw new DomainException(
          DomainException.Kind.CONFLICT,
          "DEVICE_PROVISIONED",
          "This device has provisioned or is blocked and keeps its history; block it instead");
    }
    devices.remove(device);
    devices.flush();
  }

  public Page<Device> list(UUID templateId, PageRequest page) {
    templates.get(templateId);
    return devices.listPreRegistered(templateId, page);
  }

  private AllowlistResult register(
      UUID templateId, List<AllowlistEntry> entries, List<AllowlistProblem> unreadable) {
    DeviceTemplate template = templates.get(templateId);
    if (entries.isEmpty() && unreadable.isEmpty()) {
      throw DomainException.invalid("ALLOWLIST_EMPTY", "There is no device number to register");
    }
    List<AllowlistProblem> problems = new ArrayList<>(unreadable);
    Map<String, AllowlistEntry> valid = checked(entries, problems);
    Map<String, UUID> registered = allowlists.templatesOf(List.copyOf(valid.keySet()));
    for (AllowlistEntry entry : valid.values()) {
      UUID owner = registered.get(entry.deviceNumber());
      if (owner != null && !owner.equals(templateId)) {
        problems.add(
            new AllowlistProblem(
                entry.line(),
                "DEVICE_NUMBER_TAKEN",
                "device_number is registered under another template"));
      }
    }
    if (!problems.isEmpty()) {
      problems.sort(Comparator.comparingInt(AllowlistProblem::line));
      throw new AllowlistRejectedException(problems);
    }
    List<AllowlistEntry> added =
        valid.values().stream()
            .filter(entry -> !registered.containsKey(entry.deviceNumber()))
            .sorted(Comparator.comparing(AllowlistEntry::deviceNumber))
            .toList();
    checkCap(template, added.size());
    int inserted =
        allowlists.insert(templateId, DeviceStatus.REGISTERED.name(), Clocks.now(), added);
    if (inserted != added.size()) {
      throw AllowlistRepository.concurrentChange(); // rolls back what was inserted: all or nothing
    }
    return new AllowlistResult(added.size(), valid.size() - added.size());
  }

  private static Map<String, AllowlistEntry> checked(
      List<AllowlistEntry> entries, List<AllowlistProblem> problems) {
    Map<String, AllowlistEntry> valid = new LinkedHashMap<>();
    for (AllowlistEntry entry : entries) {
      try {
        new DeviceNumber(entry.deviceNumber());
        entry.deviceName().ifPresent(n -> Text.require(n, "device_name", Device.MAX_NAME_LENGTH));
        AllowlistEntry first = valid.putIfAbsent(entry.deviceNumber(), entry);
        if (first != null) {
          problems.add(
              new AllowlistProblem(
                  entry.line(),
                  "DEVICE_NUMBER_DUPLICATE",
                  "device_number appears twice, first on line " + first.line()));
        }
      } catch (DomainException e) {
        problems.add(new AllowlistProblem(entry.line(), e.code(), e.getMessage()));
      }
    }
    return valid;
  }

  private void checkCap(DeviceTemplate template, int adding) {
    if (template.maxDevices().isEmpty() || adding == 0) {
      return;
    }
    OptionalInt current = templates.lockForNewDevice(template).maxDevices();
    if (current.isEmpty()) {
      return;
    }
    long present = devices.countByTemplate(template.id());
    int cap = current.getAsInt();
    if (present + adding > cap) {
      throw new DomainException(
          DomainException.Kind.CONFLICT,
          "DEVICE_LIMIT_REACHED",
          "Registering "
              + adding
              + " devices would exceed the template's max_devices of "
              + cap
              + " (it has "
              + present
              + ")");
    }
  }
}
