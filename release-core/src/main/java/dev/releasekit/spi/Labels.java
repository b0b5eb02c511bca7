package dev.releasekit.spi;

import dev.releasekit.AlreadyExistsException;
import dev.releasekit.ConflictException;
import dev.releasekit.Outcome;
import dev.releasekit.PreconditionException;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The one answer to "that label does not exist", for every hosting and step: releasekit never creates a label on
 * its own, so it names the labels that do exist and the one that was probably meant ({@code bump-minor} ->
 * {@code bump minor}). And the one way to create a label when a caller asks for it: observe, create, and adopt a
 * label someone made in the meantime.
 *
 * <pre>{@code
 * Labels.requireExisting(hosting.labels(), List.of("bump-minor"), "charts-clickhouse");
 * // PreconditionException: The label 'bump-minor' does not exist in charts-clickhouse. Did you mean 'bump minor'? ...
 * Labels.create(hosting, "bump minor");   // DONE, or ALREADY_DONE when it exists (also when made meanwhile)
 * }</pre>
 */
public final class Labels {
  private Labels() {
  }

  /** Throws a {@link PreconditionException} naming the first of {@code wanted} that is not in {@code existing}. */
  public static void requireExisting(Set<String> existing, Collection<String> wanted, String where) {
    for (String label : wanted) {
      if (!existing.contains(label)) {
        throw new PreconditionException("The label '" + label + "' does not exist in " + where + "."
            + suggestion(existing, label).map(s -> " Did you mean '" + s + "'?").orElse("")
            + " Existing labels: " + (existing.isEmpty() ? "none" : String.join(", ", new TreeSet<>(existing)))
            + ". Use one of them, or create the label in the repository first; releasekit never creates labels.");
      }
    }
  }

  /**
   * Creates the label {@code name} unless it exists: {@link Outcome#DONE} when this call created it,
   * {@link Outcome#ALREADY_DONE} when it was there, also when someone created it between the look and the create
   * (the hosting's {@link AlreadyExistsException} is answered by looking again). A label whose name differs only in
   * case ({@code Bump Minor} for {@code bump minor}) takes the name on GitHub, so it is a {@link ConflictException}:
   * use the existing name, or rename that label by hand.
   */
  public static Outcome create(Hosting hosting, String name) {
    Optional<String> existing = sameName(hosting.labels(), name);
    if (existing.isEmpty()) {
      try {
        hosting.createLabel(name);
        return Outcome.DONE;
      } catch (AlreadyExistsException e) {
        // Made between our look and our create: look again and adopt it.
        existing = sameName(hosting.labels(), name);
        if (existing.isEmpty()) {
          throw new ConflictException("The hosting refused to create the label '" + name + "' because it exists ("
              + e.getMessage() + "), but does not list it. Run again to look once more.");
        }
      }
    }
    if (!existing.get().equals(name)) {
      throw new ConflictException("The label '" + name + "' cannot be created: the label '" + existing.get()
          + "' exists, and label names are compared without regard to case. Use '" + existing.get()
          + "', or rename that label by hand, then run again; releasekit never renames labels.");
    }
    return Outcome.ALREADY_DONE;
  }

  /** The label of {@code existing} that takes the name {@code name}: equal to it, or equal but for case. */
  static Optional<String> sameName(Set<String> existing, String name) {
    return existing.contains(name) ? Optional.of(name)
        : existing.stream().filter(l -> l.equalsIgnoreCase(name)).sorted().findFirst();
  }

  /** The existing label closest to {@code label}: equal but for case and punctuation, else within two edits. */
  static Optional<String> suggestion(Set<String> existing, String label) {
    String wanted = squash(label);
    List<String> sorted = List.copyOf(new TreeSet<>(existing));
    return sorted.stream().filter(l -> squash(l).equals(wanted)).findFirst()
        .or(() -> sorted.stream().filter(l -> distance(l.toLowerCase(Locale.ROOT),
            label.toLowerCase(Locale.ROOT)) <= 2).findFirst());
  }

  private static String squash(String text) {
    return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
  }

  private static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      int[] current = new int[b.length() + 1];
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
      }
      previous = current;
    }
    return previous[b.length()];
  }
}
