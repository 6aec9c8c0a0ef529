package io.otos.console.base;

import com.vaadin.flow.component.combobox.ComboBox;
import io.otos.core.shared.PageRequest;
import io.otos.core.template.DeviceTemplate;
import io.otos.core.template.TemplateService;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The templates as a view lists them in filters and columns: read once when the view opens (there
 * are few templates), so that a grid of a million devices does not look each one up.
 */
public final class TemplateNames {

  private final List<DeviceTemplate> templates;
  private final Map<UUID, String> names = new HashMap<>();

  public TemplateNames(TemplateService service) {
    this.templates = service.list(new PageRequest(0, PageRequest.MAX_LIMIT)).items();
    templates.forEach(t -> names.put(t.id(), t.name()));
  }

  public List<DeviceTemplate> all() {
    return templates;
  }

  public String name(UUID id) {
    return id == null ? "" : names.getOrDefault(id, id.toString());
  }

  public String name(Optional<UUID> id) {
    return id.map(this::name).orElse("");
  }

  /** A filter by template, listing these templates by name. */
  public ComboBox<DeviceTemplate> choice(String id, Runnable changed) {
    ComboBox<DeviceTemplate> choice = new ComboBox<>("Template");
    choice.setId(id);
    choice.setItems(templates);
    choice.setItemLabelGenerator(DeviceTemplate::name);
    choice.setClearButtonVisible(true);
    choice.addValueChangeListener(e -> changed.run());
    return choice;
  }

  public Optional<DeviceTemplate> find(UUID id) {
    return templates.stream().filter(t -> t.id().equals(id)).findFirst();
  }
}
