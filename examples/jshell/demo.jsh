// releasekit in JShell, on the embedded default (a local sandbox and LocalHosting; no token needed).
import dev.releasekit.*;
import dev.releasekit.local.*;
import java.nio.file.*;

var project = LocalProject.homeAssistant(Files.createTempDirectory("ha"));
var release = Release.of("0.57").in(project.workTree())
    .mergeForward("master", "dev").cutBranch().bumpVersion().openPr();
release;
release.plan();
release.run();
release.run().isNoOp();
