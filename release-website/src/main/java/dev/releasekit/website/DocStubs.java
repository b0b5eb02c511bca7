package dev.releasekit.website;

import dev.releasekit.PreconditionException;
import dev.releasekit.ResultKey;
import dev.releasekit.StepResult;
import dev.releasekit.git.Workspace;
import dev.releasekit.notes.NoteEntry;
import dev.releasekit.notes.ReleaseNotes;
import dev.releasekit.spi.Step;
import dev.releasekit.spi.StepContext;
import dev.releasekit.website.internal.Site;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Documentation stubs for the integrations a release brings: for each pull request in the core release's notes
 * labelled {@code new-integration} or {@code new-platform}, the page its {@code integration: x} label names, when the
 * site has none yet. The docs team then fills them in; the step lists every stub it wrote.
 *
 * <pre>{@code
 * release.repository("website", site).conventions(Conventions.homeAssistantWebsite())
 *     .onReleaseBranch().then(Website.docStubs());                          // source/_integrations/<domain>.markdown
 * Website.docStubs(DocStubs.builder().componentsFolder().build());           // the site before 2019
 * }</pre>
 *
 * <p>A stub carries the front matter of the site's integration pages:
 *
 * <pre>{@code
 * ---
 * title: Kuler Sky
 * description: Instructions on how to integrate Kuler Sky with Home Assistant.
 * ha_category:
 *   - Light
 * ha_release: '0.57'
 * ha_domain: kulersky
 * ha_codeowners:
 *   - '@emlove'
 * ---
 * }</pre>
 *
 * <p>{@code ha_release} is always quoted: YAML reads a bare {@code 0.40} as the number 0.4. A label
 * {@code integration: sensor.fail2ban} names the platform too: the domain is {@code fail2ban}, the category
 * {@code Sensor}. The codeowner is the pull request's author. A title is made from the domain
 * ({@code kuler_sky} gives {@code Kuler Sky}), for the docs team to correct. An existing page is never touched, so a
 * re-run writes nothing; all stubs of a release go in one commit.
 */
public final class DocStubs implements Step {
  /** The stubs a run wrote, by path; empty when every page existed. */
  public static final ResultKey<Written> WRITTEN = ResultKey.of("doc-stubs", Written.class);

  /** What the step wrote: each stub's path, and the pull request it documents. */
  public record Written(Map<String, Integer> pullRequestByPath) {
    public Written {
      pullRequestByPath = Map.copyOf(pullRequestByPath);
    }
  }

  private static final Pattern DOMAIN = Pattern.compile("[a-z0-9_]+");
  private static final String LABEL = "integration: ";

  private final String folder;
  private final boolean domainFileNames;
  private final Optional<String> branch;
  private final Optional<String> notesFrom;

  private DocStubs(Builder b) {
    this.folder = b.folder;
    this.domainFileNames = b.domainFileNames;
    this.branch = Optional.ofNullable(b.branch);
    this.notesFrom = Optional.ofNullable(b.notesFrom);
  }

  /** The site's layout since 2019: {@code source/_integrations/<domain>.markdown}. */
  public static DocStubs homeAssistant() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    Builder b = new Builder();
    b.folder = folder;
    b.domainFileNames = domainFileNames;
    b.branch = branch.orElse(null);
    b.notesFrom = notesFrom.orElse(null);
    return b;
  }

  @Override
  public String description() {
    return "write documentation stubs for new integrations in " + folder;
  }

  /** One page to write, gathered from every pull request that names it. */
  private static final class Stub {
    final String domain;
    final int pullRequest;
    final Set<String> categories = new LinkedHashSet<>();
    final Set<String> codeowners = new LinkedHashSet<>();

    Stub(String domain, int pullRequest) {
      this.domain = domain;
      this.pullRequest = pullRequest;
    }
  }

  @Override
  public StepResult apply(StepContext context) {
    ReleaseNotes notes = Site.notes(context, notesFrom, "The documentation stubs list");
    Map<String, Stub> stubs = new TreeMap<>();
    for (NoteEntry entry : notes.entries()) {
      if (!entry.hasLabel("new-integration") && !entry.hasLabel("new-platform")) {
        continue;
      }
      List<String> named = entry.labels().stream().filter(l -> l.startsWith(LABEL))
          .map(l -> l.substring(LABEL.length()).strip()).toList();
      if (named.isEmpty()) {
        throw new PreconditionException("#" + entry.number() + " (" + entry.title() + ") is labelled "
            + (entry.hasLabel("new-integration") ? "new-integration" : "new-platform") + " but names no domain."
            + " Add its label \"integration: <domain>\" on the hosting, then run again. Nothing was written.");
      }
      for (String name : named) {
        String[] parts = name.split("\\.", -1);
        String domain = parts[parts.length - 1];
        if (parts.length > 2 || !DOMAIN.matcher(domain).matches() || parts.length == 2
            && !DOMAIN.matcher(parts[0]).matches()) {
          throw new PreconditionException("#" + entry.number() + " has the label \"" + LABEL + name + "\", which"
              + " is not an integration domain (lower-case letters, digits and underscores, optionally after a"
              + " platform and a dot: \"integration: sensor.fail2ban\"). Correct the label, then run again."
              + " Nothing was written.");
        }
        String path = folder + "/" + (domainFileNames ? domain : name) + ".markdown";
        Stub stub = stubs.computeIfAbsent(path, p -> new Stub(domain, entry.number()));
        if (parts.length == 2) {
          stub.categories.add(title(parts[0]));
        }
        entry.login().ifPresent(login -> stub.codeowners.add("@" + login));
      }
    }
    String onto = Site.branch(context, branch);
    String tip = Site.tip(context, onto, "documentation stubs");
    Workspace ws = context.workspace();
    Map<String, byte[]> files = new LinkedHashMap<>();
    Map<String, Integer> written = new LinkedHashMap<>();
    List<String> existing = new ArrayList<>();
    for (Map.Entry<String, Stub> e : stubs.entrySet()) {
      if (ws.exists(tip, e.getKey())) {
        existing.add(e.getKey());
        continue;
      }
      files.put(e.getKey(), page(e.getValue(), Site.shortName(context.version())));
      written.put(e.getKey(), e.getValue().pullRequest);
    }
    if (files.isEmpty()) {
      return StepResult.alreadyDone(stubs.isEmpty() ? "no pull request of " + context.version() + " brings a new"
          + " integration" : "every new integration has its page on " + onto + ": " + String.join(", ", existing))
          .with(WRITTEN, new Written(Map.of()));
    }
    ws.commit(onto, tip, "Add documentation stubs for " + Site.shortName(context.version()), files);
    StringBuilder listing = new StringBuilder();
    written.forEach((path, pr) -> listing.append(listing.length() == 0 ? "" : "\n").append(path).append(" (#")
        .append(pr).append(')'));
    return StepResult.done(written.size() + " documentation stub" + (written.size() == 1 ? "" : "s") + " on " + onto
        + " for the docs team" + (existing.isEmpty() ? "" : "; pages already there, left alone: "
        + String.join(", ", existing))).withOutput(listing.toString()).with(WRITTEN, new Written(written));
  }

  private static byte[] page(Stub stub, String release) {
    String name = title(stub.domain);
    StringBuilder out = new StringBuilder("---\n");
    out.append("title: ").append(name).append('\n');
    out.append("description: Instructions on how to integrate ").append(name).append(" with Home Assistant.\n");
    if (!stub.categories.isEmpty()) {
      out.append("ha_category:\n");
      stub.categories.forEach(c -> out.append("  - ").append(c).append('\n'));
    }
    out.append("ha_release: '").append(release).append("'\n");
    out.append("ha_domain: ").append(stub.domain).append('\n');
    if (!stub.codeowners.isEmpty()) {
      out.append("ha_codeowners:\n");
      stub.codeowners.forEach(c -> out.append("  - '").append(c).append("'\n"));
    }
    out.append("---\n\n<!-- A stub written by releasekit for #").append(stub.pullRequest)
        .append(": describe the integration and its configuration here. -->\n");
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** {@code binary_sensor} gives {@code Binary Sensor}. */
  private static String title(String domain) {
    StringBuilder out = new StringBuilder();
    for (String word : domain.split("_")) {
      if (!word.isEmpty()) {
        out.append(out.length() == 0 ? "" : " ").append(word.substring(0, 1).toUpperCase(Locale.ROOT))
            .append(word.substring(1));
      }
    }
    return out.toString();
  }

  /** Builds {@link DocStubs}; the defaults are the site's since 2019. */
  public static final class Builder {
    private String folder = "source/_integrations";
    private boolean domainFileNames = true;
    private String branch;
    private String notesFrom;

    private Builder() {
    }

    /** The folder of integration pages, named by domain: {@code source/_integrations} by default. */
    public Builder folder(String folder) {
      this.folder = Objects.requireNonNull(folder, "folder").replaceAll("/+$", "");
      this.domainFileNames = true;
      return this;
    }

    /** The site before 2019: {@code source/_components/sensor.fail2ban.markdown}, named by the whole label. */
    public Builder componentsFolder() {
      this.folder = "source/_components";
      this.domainFileNames = false;
      return this;
    }

    /** The branch to write on, instead of the release branch (x.y.0) or the live branch (patch releases). */
    public Builder branch(String branch) {
      this.branch = Objects.requireNonNull(branch, "branch");
      return this;
    }

    /** Reads the notes of this repository of the release only, such as {@code core}; by default the latest. */
    public Builder notesFrom(String repository) {
      this.notesFrom = Objects.requireNonNull(repository, "repository");
      return this;
    }

    public DocStubs build() {
      return new DocStubs(this);
    }
  }
}
