package dev.releasekit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.releasekit.PreconditionException;
import dev.releasekit.git.internal.JGitWorkspace;
import dev.releasekit.testing.ChildPlan;
import dev.releasekit.testing.GitFixture;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SandboxLeftoversTest {
  @TempDir
  Path temp;

  private Path tmp;
  private SandboxHome home;
  private GitFixture fixture;

  @BeforeEach
  void setUp() throws IOException {
    tmp = Files.createDirectories(temp.resolve("tmp"));
    home = SandboxHome.in(tmp, System.getProperty("user.name"));
    fixture = GitFixture.homeAssistant(temp.resolve("repo"));
  }

  @Test
  void aSandboxLeftByAPlanKilledWithSigkillIsRemovedByTheNextPlan() throws Exception {
    Process killed = child("pause");
    try (BufferedReader out = output(killed)) {
      awaitLine(out, ChildPlan.IN_STEP);
      assertThat(sandboxesOf(killed.pid())).as("the killed plan's sandbox, under the per-user folder").hasSize(1);
      killed.destroyForcibly();
      killed.waitFor();
    }
    Path leftover = sandboxesOf(killed.pid()).get(0);

    Process next = child("plan");
    try (BufferedReader out = output(next)) {
      awaitLine(out, ChildPlan.PLANNED);
    }
    assertThat(next.waitFor()).isZero();

    assertThat(leftover).doesNotExist();
    assertThat(entries(home.path())).as("the next plan closed its own sandbox too").isEmpty();
  }

  @Test
  void aSandboxWhoseOwnerIsAliveIsLeftAloneByAnotherPlan() throws Exception {
    try (JGitWorkspace real = JGitWorkspace.open(fixture.workTree(), null);
        Sandbox held = Sandbox.of(real, real.remoteRefs(), home)) {
      Process other = child("plan");
      try (BufferedReader out = output(other)) {
        awaitLine(out, ChildPlan.PLANNED);
      }
      assertThat(other.waitFor()).isZero();

      assertThat(held.clone().resolve(".git/objects/info/alternates")).exists();
      assertThat(held.origin().resolve("objects/info/alternates")).exists();
      assertThat(entries(home.path())).containsExactly(held.clone().getParent());
    }
  }

  @Test
  void aPlanWhoseJvmExitsNormallyInTheMiddleLeavesNoSandbox() throws Exception {
    Process exiting = child("pause");
    try (BufferedReader out = output(exiting);
        Writer in = new OutputStreamWriter(exiting.getOutputStream(), StandardCharsets.UTF_8)) {
      awaitLine(out, ChildPlan.IN_STEP);
      assertThat(sandboxesOf(exiting.pid())).hasSize(1);
      in.write("exit\n");
      in.flush();
      drain(out);
    }
    assertThat(exiting.waitFor()).as("the child called System.exit(0) inside the step").isZero();

    assertThat(sandboxesOf(exiting.pid())).isEmpty();
  }

  @Test
  void anOwnerRecordWithALivePidButAnotherStartInstantCountsAsDead() throws Exception {
    ProcessHandle me = ProcessHandle.current();
    Optional<Instant> start = me.info().startInstant();
    assumeThat(start).as("the platform knows when a process started").isPresent();
    Path reused = Files.createDirectories(home.path().resolve(
        new SandboxHome.Owner(me.pid(), Optional.of(start.get().minus(Duration.ofHours(1)))).directoryName("old")));
    Files.writeString(reused.resolve("HEAD"), "ref: refs/heads/master\n");
    Path mine = Files.createDirectories(home.path().resolve(SandboxHome.Owner.current().directoryName("mine")));

    try (JGitWorkspace real = JGitWorkspace.open(fixture.workTree(), null);
        Sandbox sandbox = Sandbox.of(real, real.remoteRefs(), home)) {
      assertThat(reused).doesNotExist();
      assertThat(mine).as("the same pid with its own start instant is this live JVM").exists();
      assertThat(sandbox.clone()).exists();
    }
  }

  @Test
  void aFolderWithoutAnOwnerRecordIsLeftAlone() throws Exception {
    Path notes = Files.createDirectories(home.path().resolve("notes"));
    Path odd = Files.createDirectories(home.path().resolve("plan-12-x-y"));

    try (JGitWorkspace real = JGitWorkspace.open(fixture.workTree(), null);
        Sandbox sandbox = Sandbox.of(real, real.remoteRefs(), home)) {
      assertThat(sandbox.clone()).exists();
      assertThat(notes).exists();
      assertThat(odd).exists();
    }
  }

  @Test
  void thePerUserFolderIsOwnerOnly() throws Exception {
    assumeThat(tmp.getFileSystem().supportedFileAttributeViews()).contains("posix");

    try (JGitWorkspace real = JGitWorkspace.open(fixture.workTree(), null);
        Sandbox sandbox = Sandbox.of(real, real.remoteRefs(), home)) {
      assertThat(sandbox.clone()).startsWith(home.path());
      assertThat(home.path().getFileName()).hasToString("releasekit-" + System.getProperty("user.name")
          .replaceAll("[^A-Za-z0-9._-]", "_"));
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home.path()))).isEqualTo("rwx------");
    }
  }

  @Test
  void aPerUserFolderLeftWiderThanOwnerOnlyIsNarrowedBeforeUse() throws Exception {
    assumeThat(tmp.getFileSystem().supportedFileAttributeViews()).contains("posix");
    Files.createDirectory(home.path(), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(
        "rwxr-xr-x")));
    Files.setPosixFilePermissions(home.path(), PosixFilePermissions.fromString("rwxrwxrwx"));

    try (JGitWorkspace real = JGitWorkspace.open(fixture.workTree(), null);
        Sandbox sandbox = Sandbox.of(real, real.remoteRefs(), home)) {
      assertThat(sandbox.clone()).startsWith(home.path());
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home.path()))).isEqualTo("rwx------");
    }
  }

  @Test
  void aPerUserFolderThatIsASymbolicLinkIsRefusedWithWhatToCheck() throws Exception {
    Path elsewhere = Files.createDirectories(temp.resolve("elsewhere"));
    Files.createSymbolicLink(home.path(), elsewhere);

    try (JGitWorkspace real = JGitWorkspace.open(fixture.workTree(), null)) {
      assertThatThrownBy(() -> Sandbox.of(real, real.remoteRefs(), home))
          .isInstanceOf(PreconditionException.class)
          .hasMessageContaining(home.path() + " is a symbolic link")
          .hasMessageContaining("check where it points")
          .hasMessageContaining("java.io.tmpdir");
    }
    assertThat(entries(elsewhere)).isEmpty();
  }

  @Test
  void aPerUserFolderOwnedBySomeoneElseIsRefusedWithWhatToCheck() throws Exception {
    Files.createDirectory(home.path());
    UserPrincipal nobody;
    try {
      nobody = tmp.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
      Files.setOwner(home.path(), nobody);
    } catch (IOException | UnsupportedOperationException e) {
      nobody = null;
    }
    assumeThat(nobody).as("the test may give a folder away (it runs as root)").isNotNull();
    Path planted = Files.createDirectories(home.path().resolve(
        new SandboxHome.Owner(Long.MAX_VALUE, Optional.empty()).directoryName("planted")));

    try (JGitWorkspace real = JGitWorkspace.open(fixture.workTree(), null)) {
      assertThatThrownBy(() -> Sandbox.of(real, real.remoteRefs(), home))
          .isInstanceOf(PreconditionException.class)
          .hasMessageContaining(home.path() + " belongs to nobody")
          .hasMessageContaining("check who created it");
    }
    assertThat(planted).as("nothing in a foreign folder is touched").exists();
  }

  @Test
  void closeRemovesTheSandboxAndForgetsIt() throws Exception {
    Path dir;
    try (JGitWorkspace real = JGitWorkspace.open(fixture.workTree(), null);
        Sandbox sandbox = Sandbox.of(real, real.remoteRefs(), home)) {
      dir = sandbox.clone().getParent();
      assertThat(SandboxHome.held()).contains(dir);
    }

    assertThat(dir).doesNotExist();
    assertThat(SandboxHome.held()).doesNotContain(dir);
  }

  @Test
  void theUserNameBecomesASafeFileName() {
    assertThat(SandboxHome.in(tmp, "CORP\\j doe/../x").path()).isEqualTo(tmp.resolve("releasekit-CORP_j_doe_.._x"));
    assertThat(SandboxHome.in(tmp, "").path()).isEqualTo(tmp.resolve("releasekit-unknown"));
  }

  private Process child(String mode) throws IOException {
    return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "-Duser.home=" + temp.resolve("home"),
        "-Djava.io.tmpdir=" + tmp, ChildPlan.class.getName(), fixture.workTree().toString(),
        fixture.origin().toString(), mode)
        .redirectErrorStream(true).start();
  }

  private static BufferedReader output(Process child) {
    return new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
  }

  private static void awaitLine(BufferedReader out, String marker) throws IOException {
    StringBuilder seen = new StringBuilder();
    String line;
    while ((line = out.readLine()) != null && !line.equals(marker)) {
      seen.append(line).append('\n');
    }
    assertThat(line).as("the child printed %s; before it:%n%s", marker, seen).isEqualTo(marker);
  }

  private static void drain(BufferedReader out) throws IOException {
    while (out.readLine() != null) {
      // the child's last words do not matter, only that it is gone
    }
  }

  private List<Path> sandboxesOf(long pid) throws IOException {
    return entries(home.path()).stream()
        .filter(p -> p.getFileName().toString().startsWith("plan-" + pid + "-")).toList();
  }

  private static List<Path> entries(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return List.of();
    }
    try (Stream<Path> list = Files.list(dir)) {
      return list.sorted().toList();
    }
  }
}
