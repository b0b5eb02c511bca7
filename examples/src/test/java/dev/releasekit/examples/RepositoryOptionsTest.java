package dev.releasekit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.releasekit.testing.GitFixture;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A repository option takes a clone's folder or a URL to clone; anything else is bad usage. */
class RepositoryOptionsTest {
  @TempDir
  Path temp;

  @Test
  void aUrlIsClonedIntoTheWorkdirAndItsOriginFindsTheHosting() {
    GitFixture core = GitFixture.homeAssistant(temp.resolve("project"));
    Path workdir = temp.resolve("work");

    Tool.Result plan = Tool.run(Map.of(), "plan", "ha-preparation", "--version", "0.57", "--core",
        core.origin().toUri().toString(), "--workdir", workdir.toString());

    assertThat(plan.code()).as(plan.toString()).isZero();
    assertThat(plan.err()).contains("cloned " + core.origin().toUri() + " into " + workdir.resolve("core"));
    assertThat(plan.out()).contains("WOULD_DO     open pull request release-0-57 -> master");
    assertThat(workdir.resolve("core/homeassistant/const.py")).exists();
  }

  @Test
  void aPathThatIsNoFolderIsBadUsage() {
    Tool.Result plan = Tool.run(Map.of(), "plan", "ha-bugfix", "--version", "0.56.2", "--core",
        temp.resolve("missing").toString());

    assertThat(plan.code()).isEqualTo(ReleaseKit.USAGE);
    assertThat(plan.err()).contains("--core " + temp.resolve("missing") + " is neither a folder nor a URL");
  }
}
