package dev.releasekit.github.internal;

import static dev.releasekit.github.internal.Failures.ISSUES_READ;
import static dev.releasekit.github.internal.Failures.ISSUES_WRITE;

import dev.releasekit.Change;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Labels: the repository's ({@code /labels}) and an issue's ({@code /issues/{n}/labels}). The repository's labels
 * are read once per client and read again only when a label seems missing.
 */
public final class Labels {
  private final Api api;

  public Labels(Api api) {
    this.api = api;
  }

  public Set<String> all() {
    Set<String> names = Paging.all(api, api.listUrl("labels").build(), Schema.LabelName.class, "list the labels",
        ISSUES_READ, null).stream().map(Schema.LabelName::name)
        .collect(Collectors.toCollection(LinkedHashSet::new));
    api.knownLabels().set(Set.copyOf(names));
    return names;
  }

  /** Adds labels after checking they exist: GitHub would create a missing label silently. */
  public void add(int number, Collection<String> labels) {
    if (labels.isEmpty()) {
      return;
    }
    Set<String> known = api.knownLabels().get();
    if (known == null || !known.containsAll(labels)) {
      known = all();
    }
    // GitHub would create a missing label silently; releasekit names the ones that exist instead.
    dev.releasekit.spi.Labels.requireExisting(known, labels, api.fullName());
    WriteOnce.create(api, "label #" + number + " " + String.join(", ", labels), ISSUES_WRITE,
        "issue or pull request #" + number, api.repoUrl("issues", Integer.toString(number), "labels").build(),
        new Schema.Labels(List.copyOf(labels)),
        () -> onIssue(number).containsAll(labels) ? Optional.of(Boolean.TRUE) : Optional.empty(),
        response -> Boolean.TRUE);
  }

  /** The labels on an issue or pull request. */
  public List<String> onIssue(int number) {
    return Paging.all(api, api.listUrl("issues", Integer.toString(number), "labels").build(),
        Schema.LabelName.class, "read the labels of #" + number, ISSUES_READ, "issue or pull request #" + number)
        .stream().map(Schema.LabelName::name).collect(Collectors.toList());
  }

  /**
   * Creates a label (grey). A name that is taken (GitHub compares label names without regard to case) is refused
   * with 422 {@code already_exists}, thrown as {@code AlreadyExistsException};
   * {@link dev.releasekit.spi.Labels#create} adopts it.
   */
  public void create(String name) {
    String action = "create the label '" + name + "'";
    WriteOnce.create(api, action, ISSUES_WRITE, null, new WriteOnce.Taken(Change.Kind.LABEL, name, "Use the"
        + " existing label, or create labels with Labels.create(hosting, name), which adopts it."),
        api.repoUrl("labels").build(), new Schema.NewLabel(name, "ededed"),
        () -> all().contains(name) ? Optional.of(Boolean.TRUE) : Optional.empty(), r -> Boolean.TRUE);
    Set<String> known = api.knownLabels().get();
    if (known != null && !known.contains(name)) {
      Set<String> updated = new LinkedHashSet<>(known);
      updated.add(name);
      api.knownLabels().set(Set.copyOf(updated));
    }
  }
}
