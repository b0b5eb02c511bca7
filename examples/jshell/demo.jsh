// releasekit in JShell, on the embedded default (a local sandbox and LocalHosting; no token needed).
import dev.releasekit.*;
import dev.releasekit.local.*;
import java.nio.file.*;

var project = LocalProject.homeAssistant(Files.createTempDirectory("ha"));
var release = Release.of("0.57").in(project.workTree()).
    mergeForward("master", "dev").cutBranch().bumpVersion().openPr();
System.out.println(release);                  // Release 0.57.0 (4 steps, not run): 1) merge master into dev ...
System.out.println(release.plan());           // WOULD_DO for each step, with the const.py diff
System.out.println(release.run());            // DONE for each step
System.out.println(release.run().isNoOp());   // true
