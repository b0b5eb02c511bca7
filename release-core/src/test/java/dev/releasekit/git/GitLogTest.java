package dev.releasekit.git;

import static org.assertj.core.api.Assertions.assertThat;

import dev.releasekit.notes.CommitLog;
import dev.releasekit.testing.FastImport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link Workspace#gitLog(String, String)} through {@link CommitLog#text()} against the git CLI itself, byte for
 * byte, on histories made with {@code git fast-import} to have the traits where a plain sort by time goes wrong.
 */
class GitLogTest {
  private static final long T = 1_500_000_000L;

  @TempDir
  Path temp;

  private static String ours(Path repo, String from, String to) {
    try (Workspace ws = Workspace.open(repo)) {
      return CommitLog.of(ws.gitLog(from, to)).text();
    }
  }

  private static byte[] git(Path repo, String range) throws Exception {
    return FastImport.Git.run(repo, "git", "log", "--pretty=format:%s %ae", range);
  }

  private static void assertSameAsGit(Path repo, String from, String to) throws Exception {
    byte[] expected = git(repo, from == null ? to : from + ".." + to);
    String actual = ours(repo, from, to);
    assertThat(actual).as("git log %s..%s", from, to).isEqualTo(new String(expected, StandardCharsets.UTF_8));
    assertThat(actual.getBytes(StandardCharsets.UTF_8)).isEqualTo(expected);
  }

  @Test
  void equalCommitterTimestampsAlongChainsAndAcrossBranchesComeOutInGitsOrder() throws Exception {
    FastImport h = new FastImport();
    int root = h.commit(List.of(), T, "Root", "root@example.com", "Root\n");
    int a = root;
    int b = root;
    int c = root;
    for (int i = 0; i < 6; i++) {
      a = h.commit(List.of(a), T + 10, "Ann", "ann@example.com", "a" + i + "\n");
      b = h.commit(List.of(b), T + 10, "Bob", "bob@example.com", "b" + i + "\n");
      c = h.commit(List.of(c), T + 10, "Cy", "cy@example.com", "c" + i + "\n");
      if (i % 2 == 1) {
        a = h.commit(List.of(a, b), T + 10, "Ann", "ann@example.com", "merge b into a " + i + "\n");
      }
    }
    int tip = h.commit(List.of(a, c, b), T + 10, "Octo", "octo@example.com", "octopus\n");
    h.branch("main", tip);
    h.branch("side", b);
    Path repo = h.writeTo(temp.resolve("ties.git"));

    assertSameAsGit(repo, null, "main");
    assertSameAsGit(repo, h.id(root), "main");
    assertSameAsGit(repo, "side", "main");
    assertSameAsGit(repo, h.id(a), h.id(tip));
    assertThat(ours(repo, h.id(root), "main").lines()).hasSize(h.size() - 1);
  }

  @Test
  void clockSkewWhereChildrenAreOlderThanTheirParentsComesOutInGitsOrder() throws Exception {
    FastImport h = new FastImport();
    int root = h.commit(List.of(), T + 5_000, "Root", "root@example.com", "Root\n");
    int release = h.commit(List.of(root), T + 4_000, "Rel", "rel@example.com", "Release 1.0\n");
    int x = release;
    for (int i = 0; i < 8; i++) {
      // Each child is older than its parent, as on a machine whose clock ran behind.
      x = h.commit(List.of(x), T + 3_000 - 100L * i, "Skew", "skew@example.com", "skewed " + i + "\n");
    }
    int y = root;
    for (int i = 0; i < 4; i++) {
      y = h.commit(List.of(y), T + 6_000 + i, "Fast", "fast@example.com", "ahead " + i + "\n");
    }
    int tip = h.commit(List.of(x, y), T + 1_000, "Merger", "merger@example.com", "Merge ahead\n");
    // A long run of old, uninteresting commits behind the release tag, to exercise git's stop after five.
    int old = release;
    for (int i = 0; i < 10; i++) {
      old = h.commit(List.of(old), T - 10_000 - i, "Old", "old@example.com", "old " + i + "\n");
    }
    h.branch("main", tip);
    h.branch("old", old);
    Path repo = h.writeTo(temp.resolve("skew.git"));

    assertSameAsGit(repo, null, "main");
    assertSameAsGit(repo, h.id(release), "main");
    assertSameAsGit(repo, "old", "main");
    assertSameAsGit(repo, h.id(y), "main");
  }

  @Test
  void mergesWhoseParentsAreOutOfDateOrderComeOutInGitsOrder() throws Exception {
    FastImport h = new FastImport();
    int root = h.commit(List.of(), T, "Root", "root@example.com", "Root\n");
    int first = root;
    int second = root;
    for (int i = 0; i < 5; i++) {
      first = h.commit(List.of(first), T + 100 + i, "First", "first@example.com", "first " + i + "\n");
      second = h.commit(List.of(second), T + 900 - i, "Second", "second@example.com", "second " + i + "\n");
    }
    // The first parent is older than the second; the merge itself older than both.
    int merge = h.commit(List.of(first, second), T + 50, "Merge", "merge@example.com",
        "Merge pull request #10004 from owner/branch\n\nFix MQTT discovery\n");
    int back = h.commit(List.of(second, merge), T + 2_000, "Back", "back@example.com", "Merge back\n");
    int tip = h.commit(List.of(back), T + 2_000, "Tip", "tip@example.com", "Tip\n");
    h.branch("main", tip);
    Path repo = h.writeTo(temp.resolve("merges.git"));

    assertSameAsGit(repo, null, "main");
    assertSameAsGit(repo, h.id(root), "main");
    assertSameAsGit(repo, h.id(first), "main");
    assertSameAsGit(repo, h.id(second), h.id(merge));
  }

  @Test
  void subjectsAreGitsFirstParagraphWithEachLineRightTrimmedAndJoinedBySpaces() throws Exception {
    FastImport h = new FastImport();
    List<String> messages = List.of(
        "Trailing spaces   \n",
        "Trailing tab and CR\t\r\n\nbody\n",
        "Two lines of\nfirst paragraph  \n\nbody\n",
        "Three\n  indented second\nthird\t\n   \nafter a white-space line\n",
        "\n\n  \nLeading blank lines\n",
        "No final newline",
        "",
        "   \n",
        "Inner  double  spaces stay\n",
        "Form\ffeed and vertical\u000btab are not trimmed\u000b\n",
        "Subject (#7005)\n\nBREAKING CHANGE: footer\n");
    int previous = h.commit(List.of(), T, "Root", "root@example.com", "Root\n");
    int root = previous;
    for (String message : messages) {
      previous = h.commit(List.of(previous), T + 1, "Writer", "writer@example.com", message);
    }
    h.branch("main", previous);
    Path repo = h.writeTo(temp.resolve("subjects.git"));

    assertSameAsGit(repo, h.id(root), "main");
    assertThat(ours(repo, h.id(root), "main")).contains("Trailing spaces writer@example.com")
        .contains("Two lines of first paragraph writer@example.com")
        .contains("Three   indented second third writer@example.com");
  }

  @Test
  void nonAsciiNamesAndEmailsAndDeclaredEncodingsAreWhatGitPrints() throws Exception {
    FastImport h = new FastImport();
    int root = h.commit(List.of(), T, "Zoë Çelik", "zoë@exämple.org", "Ünïcode subject — en dash – here\n");
    int next = h.commit(List.of(root), T + 1, "Jürgen Groß", "jürgen@straße.de", "日本語のコミット\n");
    int spaced = h.commit(List.of(next), T + 2, T + 2, "Spaced <  spaced@example.com  >",
        "Spaces inside the brackets\n".getBytes(StandardCharsets.UTF_8), null);
    int latin = h.commit(List.of(spaced), T + 3, T + 3, "Rene <rene@example.com>",
        "Caf\u00e9 in Latin-1  \n".getBytes(StandardCharsets.ISO_8859_1), "ISO-8859-1");
    h.branch("main", latin);
    Path repo = h.writeTo(temp.resolve("names.git"));

    assertSameAsGit(repo, null, "main");
    assertThat(ours(repo, null, "main")).startsWith("Café in Latin-1 rene@example.com\n")
        .contains("Spaces inside the brackets   spaced@example.com  \n")
        .endsWith("Ünïcode subject — en dash – here zoë@exämple.org");
  }

  @ParameterizedTest(name = "random history {0}")
  @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
  void randomHistoriesWithTiesSkewAndMergesMatchGitForRandomRanges(int seed) throws Exception {
    Random random = new Random(seed);
    FastImport h = new FastImport();
    List<Long> times = new ArrayList<>();
    int count = 80 + random.nextInt(120);
    for (int i = 0; i < count; i++) {
      List<Integer> parents = new ArrayList<>();
      if (i > 0 && random.nextInt(40) != 0) {
        int parentCount = random.nextInt(10) < 7 ? 1 : random.nextInt(10) < 9 ? 2 : 3;
        for (int p = 0; p < parentCount; p++) {
          int parent = Math.max(1, i - random.nextInt(Math.min(i, 12)));
          if (!parents.contains(parent)) {
            parents.add(parent);
          }
        }
      }
      long base = parents.isEmpty() ? T : times.get(parents.get(0) - 1);
      long time = switch (random.nextInt(6)) {
        case 0, 1 -> base;                          // a tie with the first parent
        case 2 -> base - 1 - random.nextInt(300);   // clock skew: older than the parent
        case 3 -> T + random.nextInt(5);            // a tie with commits anywhere
        default -> base + 1 + random.nextInt(100);
      };
      times.add(time);
      h.commit(parents, time, "Dev " + random.nextInt(5), "dev" + random.nextInt(5) + "@example.com",
          "Change " + i + (random.nextBoolean() ? "  " : "") + "\n" + (random.nextInt(4) == 0 ? "more\n" : "")
              + "\nbody\n");
    }
    h.branch("main", count);
    Path repo = h.writeTo(temp.resolve("random-" + seed + ".git"));

    assertSameAsGit(repo, null, "main");
    for (int range = 0; range < 8; range++) {
      int from = 1 + random.nextInt(count);
      int to = 1 + random.nextInt(count);
      assertSameAsGit(repo, h.id(from), h.id(to));
    }
  }
}
