package io.otos.console.templates;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.receivers.MemoryBuffer;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.otos.console.base.ConsoleAudit;
import io.otos.console.base.CurrentUser;
import io.otos.console.base.Feedback;
import io.otos.console.base.Paging;
import io.otos.console.base.Times;
import io.otos.core.allowlist.AllowlistProblem;
import io.otos.core.allowlist.AllowlistRejectedException;
import io.otos.core.allowlist.AllowlistResult;
import io.otos.core.allowlist.AllowlistService;
import io.otos.core.device.Device;
import io.otos.core.shared.DomainException;
import io.otos.core.shared.PageRequest;
import io.otos.core.template.DeviceTemplate;
import io.otos.core.template.TemplateService;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The allowlist of one template: the device numbers registered in advance. Admins add numbers by
 * hand or upload a CSV (number[,name]); a file with any wrong line registers nothing and lists
 * every wrong line.
 */
@Route("templates/:templateId/allowlist")
@PageTitle("Allowlist · OTOS")
@PermitAll
public class AllowlistView extends TemplatePage {

  /** Larger files go through the management API ({@code POST .../allowlist/import}). */
  static final int MAX_UPLOAD_BYTES = 16 * 1024 * 1024;

  private final AllowlistService allowlists;
  private final ConsoleAudit audit;
  private final Grid<AllowlistProblem> problems = new Grid<>(AllowlistProblem.class, false);

  @Inject
  public AllowlistView(TemplateService templates, AllowlistService allowlists, ConsoleAudit audit) {
    super(templates, "Allowlist");
    this.allowlists = allowlists;
    this.audit = audit;
  }

  @Override
  void show(DeviceTemplate template) {
    Grid<Device> grid = new Grid<>();
    grid.setId("allowlist");
    grid.addColumn(d -> d.number().value()).setHeader("Device number");
    grid.addColumn(d -> d.name().orElse("")).setHeader("Name");
    grid.addColumn(d -> d.status().name().toLowerCase(Locale.ROOT)).setHeader("Status");
    grid.addColumn(d -> Times.format(d.createdAt()))
        .setHeader("Registered (UTC)")
        .setAutoWidth(true);
    grid.setItems(
        q -> allowlists.list(template.id(), Paging.of(q)).items().stream(),
        q -> (int) allowlists.list(template.id(), new PageRequest(0, 1)).total());
    problems.setId("allowlist-problems");
    problems.addColumn(AllowlistProblem::line).setHeader("Line").setAutoWidth(true).setFlexGrow(0);
    problems.addColumn(AllowlistProblem::error).setHeader("Error").setAutoWidth(true);
    problems.addColumn(AllowlistProblem::message).setHeader("What is wrong");
    problems.setAllRowsVisible(true);
    problems.setVisible(false);
    if (CurrentUser.isAdmin()) {
      add(addByHand(template.id(), grid), upload(template.id(), grid), problems);
    }
    add(grid);
  }

  private HorizontalLayout addByHand(UUID templateId, Grid<Device> grid) {
    TextArea numbers = new TextArea("Add device numbers, one per line");
    numbers.setId("allowlist-numbers");
    numbers.setWidth("28rem");
    Button add =
        new Button(
            "Add",
            e ->
                register(
                        templateId,
                        () ->
                            allowlists.add(
                                templateId,
                                Arrays.stream(numbers.getValue().split("\\R"))
                                    .map(String::strip)
                                    .filter(n -> !n.isEmpty())
                                    .toList()))
                    .ifPresent(
                        r -> {
                          numbers.clear();
                          grid.getDataProvider().refreshAll();
                        }));
    add.setId("allowlist-add");
    add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    HorizontalLayout row = new HorizontalLayout(numbers, add);
    row.setAlignItems(Alignment.END);
    return row;
  }

  private HorizontalLayout upload(UUID templateId, Grid<Device> grid) {
    MemoryBuffer buffer = new MemoryBuffer();
    Upload upload = new Upload(buffer);
    upload.setId("allowlist-upload");
    upload.setAcceptedFileTypes("text/csv", ".csv", ".txt");
    upload.setMaxFileSize(MAX_UPLOAD_BYTES);
    upload.setDropLabel(new Paragraph("CSV: device_number[,device_name] per line"));
    ProgressBar registering = new ProgressBar();
    registering.setIndeterminate(true);
    registering.setVisible(false);
    registering.setWidth("10rem");
    upload.addStartedListener(e -> registering.setVisible(true));
    upload.addFileRejectedListener(e -> Feedback.error(e.getErrorMessage()));
    upload.addFailedListener(e -> registering.setVisible(false));
    upload.addSucceededListener(
        e -> {
          register(
                  templateId,
                  () ->
                      allowlists.importCsv(
                          templateId,
                          new InputStreamReader(buffer.getInputStream(), StandardCharsets.UTF_8)))
              .ifPresent(r -> grid.getDataProvider().refreshAll());
          registering.setVisible(false);
          upload.clearFileList();
        });
    HorizontalLayout row = new HorizontalLayout(new H3("Upload a CSV"), upload, registering);
    row.setAlignItems(Alignment.CENTER);
    return row;
  }

  private Optional<AllowlistResult> register(UUID templateId, Supplier<AllowlistResult> action) {
    problems.setVisible(false);
    try {
      AllowlistResult result =
          audit.change(
              "ALLOWLIST_ADDED",
              action,
              r -> templateId,
              r -> r.added() + " added, " + r.alreadyRegistered() + " already registered");
      Feedback.done(
          result.added() + " added, " + result.alreadyRegistered() + " were already registered");
      return Optional.of(result);
    } catch (AllowlistRejectedException rejected) {
      List<AllowlistProblem> lines = rejected.problems();
      problems.setItems(lines);
      problems.setVisible(true);
      Feedback.error(rejected.getMessage());
      return Optional.empty();
    } catch (DomainException | CurrentUser.NotAllowedException refused) {
      Feedback.error(refused.getMessage());
      return Optional.empty();
    }
  }
}
