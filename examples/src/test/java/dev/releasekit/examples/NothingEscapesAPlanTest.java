package dev.releasekit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.releasekit.CherryPicks;
import dev.releasekit.Conventions;
import dev.releasekit.Outcome;
import dev.releasekit.Plan;
import dev.releasekit.Release;
import dev.releasekit.ResultKey;
import dev.releasekit.StepResult;
import dev.releasekit.docker.HelmChart;
import dev.releasekit.docker.Registry;
import dev.releasekit.docker.testing.SampleImages;
import dev.releasekit.docker.testing.RegistryFixture;
import dev.releasekit.local.LocalProject;
import dev.releasekit.spi.Announcement;
import dev.releasekit.spi.Announcer;
import dev.releasekit.spi.Hosting;
import dev.releasekit.spi.Step;
import dev.releasekit.testing.GitFixture;
import dev.releasekit.testing.ReleaseDayScenario;
import dev.releasekit.version.Version;
import dev.releasekit.website.BlogPost;
import dev.releasekit.website.DocStubs;
import dev.releasekit.website.ReleaseKeys;
import dev.releasekit.website.VersionsEntry;
import dev.releasekit.website.Website;
import dev.releasekit.website.testing.SiteReleaseDay;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every step the library ships, each planned in a release that exercises it, with every real service behind a
 * recorder that notes any write: the hostings (any call that is not a read), the registry (any request but GET and
 * HEAD), git (every origin's refs, hashed before and after), commands (a marker file) and announcers (any send).
 * The registry steps are built from a {@code Registry} that is never wired with {@code withRegistry}. The test
 * fails when a public verb of {@link Release} or a public {@link Step} of another module is not planned here.
 */
class NothingEscapesAPlanTest {
  @RegisterExtension
  static final RegistryFixture registry = RegistryFixture.anonymous();

  /** The verbs of {@link Release} that wire rather than add a step. */
  private static final Set<String> WIRING = Set.of("repository", "conventions", "in", "hostedOn", "credentials",
      "withRegistry", "announcer", "withEndpoint", "listener", "environment", "clock", "sleeper",
      "withoutRehearsal", "confirm", "resend", "date", "waitForOtherRun");
  /** The public packages of the other modules, where their public steps live. */
  private static final List<String> STEP_PACKAGES = List.of("dev.releasekit.github", "dev.releasekit.docker",
      "dev.releasekit.website");

  @TempDir
  Path temp;
  private final List<String> hostingWrites = Collections.synchronizedList(new ArrayList<>());
  private final List<String> registryRequests = Collections.synchronizedList(new ArrayList<>());
  private final List<Announcement> announcements = Collections.synchronizedList(new ArrayList<>());
  private final Set<String> verbsPlanned = new TreeSet<>();
  private final Set<Class<?>> stepsPlanned = new LinkedHashSet<>();
  private final List<GitFixture> fixtures = new ArrayList<>();
  private Path marker;

  @BeforeEach
  void setUp() {
    marker = temp.resolve("command-ran");
  }

  /** A hosting that reads through to the fixture's and records (and refuses) every other call. */
  private Hosting recorded(GitFixture fixture) {
    return recorded(fixture.hosting());
  }

  private Hosting recorded(Hosting real) {
    Set<String> reads = Set.of("name", "webUrl", "userUrl", "findPullRequest", "pullRequest", "pullRequests",
        "labels", "milestone", "openMilestones", "milestoneItems", "releaseByTag", "user", "publicRepositories",
        "contributors", "loginOfEmail", "preconditions", "toString",
        "hashCode", "equals");
    return (Hosting) Proxy.newProxyInstance(Hosting.class.getClassLoader(), new Class<?>[] {Hosting.class},
        (proxy, method, args) -> {
          if (!reads.contains(method.getName())) {
            hostingWrites.add(method.getName() + (args == null ? "" : Arrays.toString(args)));
            throw new AssertionError("a plan called " + method.getName() + " on the real hosting");
          }
          if (method.getName().equals("equals")) {
            return proxy == args[0];
          }
          try {
            return method.invoke(real, args);
          } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }

  private final Announcer announcer = new Announcer() {
    @Override
    public String name() {
      return "recorder #releases";
    }

    @Override
    public String send(Announcement announcement) {
      announcements.add(announcement);
      return "sent";
    }
  };

  private Registry recordedRegistry() {
    return registry.client().client(new OkHttpClient.Builder().addInterceptor(chain -> {
      registryRequests.add(chain.request().method() + " " + chain.request().url().encodedPath());
      return chain.proceed(chain.request());
    }).build()).build();
  }

  private Plan plan(Release release, String... verbs) {
    verbsPlanned.addAll(List.of(verbs));
    Plan plan = release.plan();
    assertThat(plan.steps()).as(plan.toString()).extracting(StepResult::outcome)
        .doesNotContain(Outcome.BLOCKED);
    return plan;
  }

  private Release on(GitFixture fixture, Conventions conventions) {
    return Release.of("0.57").conventions(conventions).in(fixture.workTree()).hostedOn(recorded(fixture))
        .announcer(announcer);
  }

  @Test
  void everyShippedStepIsPlannedWithoutASingleWriteToARealService() throws Exception {
    GitFixture preparation = GitFixture.homeAssistant(temp.resolve("preparation"));
    ReleaseDayScenario day = ReleaseDayScenario.homeAssistant(temp.resolve("day")).deferUnmerged();
    ReleaseDayScenario dayAgain = ReleaseDayScenario.homeAssistant(temp.resolve("day-again")).deferUnmerged();
    GitFixture bugfix = GitFixture.homeAssistant(temp.resolve("bugfix"));
    bugfix.hosting().seed().milestone("0.56.2");
    GitFixture postHog = GitFixture.postHog(temp.resolve("posthog"));
    // The changelog is built from the pull requests the hosting knows; an empty one is refused.
    postHog.hosting().seed().pull("Add funnel correlation").number(7001).by("jane").from("funnels").into("master")
        .mergedAs(postHog.commit("master~1").name(), Instant.parse("2021-12-01T10:00:00Z"));
    GitFixture charts = GitFixture.of(LocalProject.create(temp.resolve("charts"), "charts", "master", Map.of(
        "charts/posthog/Chart.yaml", "apiVersion: v2\nname: posthog\nversion: 7.0.2\nappVersion: 1.30.0\n",
        "charts/posthog/values.yaml", "image:\n  repository: posthog/posthog\n  tag:\n"
            + "  default: \":release-1.30.0\"\n")));
    charts.hosting().createLabel("bump minor");
    registry.push("posthog/escape", SampleImages.image("escape", 1, false, "linux", "amd64"), "release-1.31.0");
    registry.push("posthog/escape", SampleImages.image("escape-old", 1, false, "linux", "amd64"), "latest-release");
    SiteReleaseDay site = SiteReleaseDay.prepare(temp.resolve("site"));
    fixtures.addAll(List.of(preparation, day.fixture(), dayAgain.fixture(), bugfix, postHog, charts, site.core(),
        site.website()));
    GitFixture credits = GitFixture.homeAssistantWebsite(temp.resolve("credits"));
    credits.project().branch("release-0-57", "next");
    credits.project().fetchClone();
    credits.hosting().seed().repository("home-assistant/home-assistant.io").contributor("balloob", 3).create();
    fixtures.add(credits);
    List<String> before = fixtures.stream().map(GitFixture::fingerprint).toList();

    plan(on(preparation, Conventions.homeAssistant())
        .mergeForward("master", "dev").cutBranch().bumpVersion().openPr()
        .after(Release.MAIN, ResultKey.RELEASE_PR).tag()
        .command("touch", marker.toString()).announce("0.57 is out")
        .then(new dev.releasekit.testing.CountingEffectStep(temp.resolve("effect"))),
        "mergeForward", "cutBranch", "bumpVersion", "openPr", "after", "tag", "command", "announce", "then");
    plan(Release.of("0.57").in(day.fixture().workTree()).hostedOn(recorded(day.fixture())).onReleaseBranch()
        .cherryPickMilestone("0.57").releaseNotes().mergePr().publishRelease().closeMilestone()
        .startNextDevelopment(),
        "onReleaseBranch", "cherryPickMilestone", "releaseNotes", "mergePr", "publishRelease", "closeMilestone",
        "startNextDevelopment");
    plan(Release.of("0.57").in(dayAgain.fixture().workTree()).hostedOn(recorded(dayAgain.fixture()))
        .onReleaseBranch().cherryPickMilestone().cherryPickMilestone("0.57", CherryPicks.inNumberOrder())
        .closeMilestoneEvenIfIncomplete(),
        "cherryPickMilestone", "closeMilestoneEvenIfIncomplete");
    plan(Release.of("0.56.2").in(bugfix.workTree()).hostedOn(recorded(bugfix))
        .cutBranch("master").bumpVersion(Version.parse("0.56.2")),
        "cutBranch", "bumpVersion");
    plan(Release.of("1.31.0").conventions(Conventions.postHog()).in(postHog.workTree())
        .hostedOn(recorded(postHog)).cutBranch().commitLog().commitLog("1.30.0", "master").changelog()
        .changelog("- Faster\n").syncBranch().then(Website.versionsEntry()).mergeSyncPr(),
        "commitLog", "changelog", "syncBranch", "then", "mergeSyncPr");
    stepsPlanned.add(VersionsEntry.class);
    Registry neverWired = recordedRegistry();
    String image = registry.ref("posthog/escape:release-1.31.0");
    plan(Release.of("1.31.0").conventions(Conventions.postHog()).in(charts.workTree())
        .hostedOn(recorded(charts))
        .then(neverWired.awaitTag(image, Duration.ofHours(2)))
        .then(neverWired.awaitTag(image, Instant.now().plus(Duration.ofHours(1))))
        .then(neverWired.retag(image, "latest-release").move())
        .then(neverWired.retag(image, "1.31"))
        .then(HelmChart.at("charts/posthog").bumpChartVersion(HelmChart.VersionBump.MINOR).label("bump minor")),
        "then");
    stepsPlanned.addAll(List.of(dev.releasekit.docker.AwaitTag.class, dev.releasekit.docker.Retag.class,
        HelmChart.class));
    plan(site.hostedThrough(this::recorded).releaseDay(), "then");
    stepsPlanned.addAll(List.of(BlogPost.class, DocStubs.class, ReleaseKeys.class));
    plan(on(credits, Conventions.homeAssistantWebsite()).then(dev.releasekit.website.Website.credits()), "then");
    stepsPlanned.add(dev.releasekit.website.Credits.class);

    assertThat(fixtures.stream().map(GitFixture::fingerprint).toList()).as("every origin's refs and hosting store")
        .isEqualTo(before);
    assertThat(hostingWrites).as("writes to a real hosting").isEmpty();
    assertThat(registryRequests).as("registry requests").isNotEmpty()
        .allMatch(r -> r.startsWith("GET ") || r.startsWith("HEAD "));
    assertThat(marker).as("commands").doesNotExist();
    assertThat(temp.resolve("effect")).as("user side effects").doesNotExist();
    assertThat(announcements).as("announcements").isEmpty();

    assertThat(verbsPlanned).as("every public verb of Release is planned here").isEqualTo(stepVerbs());
    assertThat(stepsPlanned).as("every public step of the other modules is planned here")
        .containsExactlyInAnyOrderElementsOf(publicSteps());
  }

  private static Set<String> stepVerbs() {
    return Arrays.stream(Release.class.getMethods())
        .filter(m -> m.getReturnType() == Release.class && !Modifier.isStatic(m.getModifiers()))
        .map(Method::getName).filter(name -> !WIRING.contains(name))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /** The public, concrete {@link Step}s in the public packages of the other modules on the class path. */
  private static Set<Class<?>> publicSteps() throws IOException, URISyntaxException, ClassNotFoundException {
    Set<Class<?>> steps = new LinkedHashSet<>();
    for (String pkg : STEP_PACKAGES) {
      String folder = pkg.replace('.', '/');
      Enumeration<URL> roots = NothingEscapesAPlanTest.class.getClassLoader().getResources(folder);
      while (roots.hasMoreElements()) {
        URL root = roots.nextElement();
        if (root.toString().contains("-tests.jar") || root.toString().contains("test-classes")) {
          continue;
        }
        List<String> names = new ArrayList<>();
        if (root.getProtocol().equals("jar")) {
          try (JarFile jar = ((JarURLConnection) root.openConnection()).getJarFile()) {
            for (JarEntry entry : Collections.list(jar.entries())) {
              String name = entry.getName();
              if (name.startsWith(folder + "/") && name.endsWith(".class")
                  && name.indexOf('/', folder.length() + 1) < 0) {
                names.add(name.substring(folder.length() + 1));
              }
            }
          }
        } else {
          try (Stream<Path> files = Files.list(Path.of(root.toURI()))) {
            files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".class")).forEach(names::add);
          }
        }
        for (String name : names) {
          Class<?> type = Class.forName(pkg + "." + name.substring(0, name.length() - ".class".length()), false,
              NothingEscapesAPlanTest.class.getClassLoader());
          if (Step.class.isAssignableFrom(type) && Modifier.isPublic(type.getModifiers())
              && !Modifier.isAbstract(type.getModifiers()) && !type.isInterface()) {
            steps.add(type);
          }
        }
      }
    }
    return steps;
  }
}
