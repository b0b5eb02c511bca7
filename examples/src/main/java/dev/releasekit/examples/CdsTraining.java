package dev.releasekit.examples;

import dev.releasekit.local.LocalProject;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The training run the build's class-data archive is dumped from ({@link AppCdsArchive}): what a person or a CI
 * step starts the jar for, through the jar's own command line, so that picocli, the command line and the built-in
 * flows are archived along with the release engine and JGit. It lists the flows, prints the help, and plans Home
 * Assistant's preparation on a fresh {@link LocalProject} sandbox, all in one process, as {@link ReleaseKit#main}
 * would (the plan writes nothing, so the sandbox is only read).
 *
 * <pre>{@code
 * java -XX:DumpLoadedClassList=releasekit.classlist -cp releasekit.jar dev.releasekit.examples.CdsTraining
 * java -Xshare:dump -XX:SharedClassListFile=releasekit.classlist -XX:SharedArchiveFile=releasekit.jsa -cp releasekit.jar
 * }</pre>
 */
public final class CdsTraining {
  private CdsTraining() {
  }

  public static void main(String[] args) throws IOException {
    GitConfiguration.install();
    Path workTree = LocalProject.homeAssistant(Files.createTempDirectory("releasekit-training-")).workTree();
    ReleaseKit kit = new ReleaseKit();
    StringWriter out = new StringWriter();
    PrintWriter quiet = new PrintWriter(out);
    kit.run(quiet, quiet, "list");
    kit.run(quiet, quiet, "--help");
    int code = kit.run(quiet, quiet, "plan", "ha-preparation", "--version", "0.57", "--core", workTree.toString());
    if (code != ReleaseKit.DONE) {
      throw new IllegalStateException("the training plan exited " + code + ":\n" + out);
    }
    System.out.println("trained on " + workTree);
  }
}
