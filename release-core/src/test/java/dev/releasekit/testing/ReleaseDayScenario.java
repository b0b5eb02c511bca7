package dev.releasekit.testing;

import dev.releasekit.Release;
import dev.releasekit.local.LocalProject;
import dev.releasekit.spi.Hosting;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/**
 * Home Assistant on release day, on any hosting: preparation done (release-0-57 cut, bumped, its pull request
 * open), then a milestone 0.57 holding, after the cut, three plain merged pull requests (#101, #102, #104 merged at
 * t3, t1, t0), one merged by the hosting with a merge commit (#105 at t2), one whose change is already on the
 * release branch (#104, applied by hand without a trailer), an unmerged pull request (#106) and a plain issue
 * (#107). Merge order: 104, 102, 105, 101.
 *
 * <p>It is written once, against {@link Seeding}: {@link #homeAssistant(Path)} runs it on the fixture's
 * {@code LocalHosting}; {@link #on(GitFixture, Hosting, Seeding)} on any other hosting, such as release-github's
 * stub.
 */
public final class ReleaseDayScenario {
  public static final Instant T0 = Instant.parse("2017-10-25T10:00:00Z");

  private final GitFixture fixture;
  private final Hosting hosting;
  private final Seeding seeding;
  private final int mergeCommitPr;
  private final int unmergedPr;
  private final int issue;

  private ReleaseDayScenario(GitFixture fixture, Hosting hosting, Seeding seeding, int mergeCommitPr,
      int unmergedPr, int issue) {
    this.fixture = fixture;
    this.hosting = hosting;
    this.seeding = seeding;
    this.mergeCommitPr = mergeCommitPr;
    this.unmergedPr = unmergedPr;
    this.issue = issue;
  }

  public static Release preparation(GitFixture fixture) {
    return preparation(fixture, fixture.hosting());
  }

  public static Release preparation(GitFixture fixture, Hosting hosting) {
    return preparation(fixture.workTree(), hosting);
  }

  /** Preparation in the clone {@code workTree}, for a child process that knows only the folders. */
  public static Release preparation(Path workTree, Hosting hosting) {
    return Release.of("0.57").in(workTree).hostedOn(hosting)
        .mergeForward("master", "dev").cutBranch().bumpVersion().openPr();
  }

  /** Home Assistant's release day, as one release on the branch cut during preparation. */
  public static Release releaseDay(GitFixture fixture) {
    return releaseDay(fixture, fixture.hosting());
  }

  public static Release releaseDay(GitFixture fixture, Hosting hosting) {
    return releaseDay(fixture.workTree(), hosting);
  }

  /** Release day in the clone {@code workTree}, for a child process that knows only the folders. */
  public static Release releaseDay(Path workTree, Hosting hosting) {
    return Release.of("0.57").in(workTree).hostedOn(hosting).onReleaseBranch()
        .cherryPickMilestone("0.57").releaseNotes().mergePr().publishRelease().closeMilestone()
        .startNextDevelopment();
  }

  /** The scenario on a fresh Home Assistant fixture and its {@code LocalHosting}. */
  public static ReleaseDayScenario homeAssistant(Path temp) {
    GitFixture fixture = GitFixture.homeAssistant(temp);
    return on(fixture, fixture.hosting(), Seeding.of(fixture.hosting()));
  }

  /** The scenario on {@code fixture}'s repository, hosted by {@code hosting}, seeded through {@code seeding}. */
  public static ReleaseDayScenario on(GitFixture fixture, Hosting hosting, Seeding seeding) {
    preparation(fixture, hosting).run();
    return afterPreparation(fixture, hosting, seeding);
  }

  /** {@link #afterPreparation(GitFixture, Hosting, Seeding)} on the fixture's own {@code LocalHosting}. */
  public static ReleaseDayScenario afterPreparation(GitFixture fixture) {
    return afterPreparation(fixture, fixture.hosting(), Seeding.of(fixture.hosting()));
  }

  /**
   * Other people's work between preparation (already run on {@code fixture}, by whatever means) and release day:
   * the milestone's pull requests landing on dev, as {@link #on} seeds them.
   */
  public static ReleaseDayScenario afterPreparation(GitFixture fixture, Hosting hosting, Seeding seeding) {
    LocalProject project = fixture.project();
    seeding.labels("cherry-picked");
    seeding.milestone("0.57");

    String c104 = project.commitAs("dev", "Fix sensor rounding (#104)", Map.of("homeassistant/sensor.py",
        "ROUND = 2\n"), "Sensor Dev", "111+sensordev@users.noreply.github.com");
    seeding.pull("Fix sensor rounding").number(104).by("sensordev").from("fix-sensor").into("dev")
        .milestone("0.57").mergedAs(c104, T0);
    project.commit("release-0-57", "Apply sensor rounding fix", Map.of("homeassistant/sensor.py", "ROUND = 2\n"));

    String c102 = project.commitAs("dev", "Fix switch toggling (#102)", Map.of("homeassistant/switch.py",
        "TOGGLE = True\n"), "Switch Dev", "switchdev@example.com");
    seeding.pull("Fix switch toggling").number(102).by("switchdev").from("fix-switch").into("dev")
        .milestone("0.57").mergedAs(c102, T0.plusSeconds(3600));

    project.branch("fix-climate", "dev");
    project.commitAs("fix-climate", "Fix climate presets", Map.of("homeassistant/climate.py", "PRESETS = []\n"),
        "Climate Dev", "climatedev@example.com");
    int climate = seeding.pull("Fix climate presets").by("climatedev").from("fix-climate").into("dev")
        .milestone("0.57").open();
    seeding.merge(climate, T0.plusSeconds(7200));

    String c101 = project.commitAs("dev", "Fix light flicker again (#101)", Map.of("homeassistant/light.py",
        "FLICKER = False\n"), "Light Dev", "lightdev@example.com");
    seeding.pull("Fix light flicker again").number(101).by("lightdev").from("fix-light").into("dev")
        .milestone("0.57").mergedAs(c101, T0.plusSeconds(10800));

    project.branch("wip-fan", "dev");
    project.commit("wip-fan", "Fan work in progress", Map.of("homeassistant/fan.py", "SPEED = 1\n"));
    int unmerged = seeding.pull("Fan speeds").by("fandev").from("wip-fan").into("dev").milestone("0.57").open();

    int issue = seeding.issue("Lights flicker on 0.56").by("user1").milestone("0.57").create();
    project.fetchClone();
    return new ReleaseDayScenario(fixture, hosting, seeding, climate, unmerged, issue);
  }

  public GitFixture fixture() {
    return fixture;
  }

  public Hosting hosting() {
    return hosting;
  }

  /** Preparation on this scenario's hosting. */
  public Release preparation() {
    return preparation(fixture, hosting);
  }

  /** Release day on this scenario's hosting. */
  public Release releaseDay() {
    return releaseDay(fixture, hosting);
  }

  public int mergeCommitPr() {
    return mergeCommitPr;
  }

  public int unmergedPr() {
    return unmergedPr;
  }

  public int issue() {
    return issue;
  }

  /** Moves the unfinished pull request to the next milestone, as a release manager does before release day. */
  public ReleaseDayScenario deferUnmerged() {
    seeding.milestone("0.58");
    seeding.moveTo(unmergedPr, "0.58");
    return this;
  }

  /**
   * Four pull requests of the milestone that bring integrations, merged into dev, for the website's documentation
   * stubs: Kuler Sky and the fail2ban sensor, whose pages the site has; Tado, which has none; and the Ring binary
   * sensor, a platform ({@code integration: binary_sensor.ring}) with none either; their authors' names are
   * those of real contributors.
   */
  public ReleaseDayScenario withNewIntegrations() {
    return withNewIntegration(9971, "Add Kuler Sky light", "emlove", "new-integration", "integration: kulersky")
        .withNewIntegration(9975, "Add fail2ban sensor", "fronzbot", "new-platform", "integration: sensor.fail2ban")
        .withNewIntegration(9983, "Add Tado climate", "juergen-w", "new-integration", "integration: tado")
        .withNewIntegration(10004, "Add Ring doorbell", "ringfan", "new-platform", "integration: binary_sensor.ring");
  }

  /** One pull request of the milestone merged into dev with {@code labels}, each created if it does not exist. */
  public ReleaseDayScenario withNewIntegration(int number, String title, String login, String... labels) {
    LocalProject project = fixture.project();
    seeding.labels(labels);
    String commit = project.commitAs("dev", title + " (#" + number + ")", Map.of("homeassistant/new_" + number
        + ".py", "NEW = True\n"), login + " Dev", login + "@example.com");
    seeding.pull(title).number(number).by(login).from("add-" + number).into("dev").milestone("0.57")
        .labels(labels).mergedAs(commit, T0.plusSeconds(number));
    project.fetchClone();
    return this;
  }

  /**
   * A hotfix made on the release branch by hand that the pick of {@link #mergeCommitPr()} (climate) meets: that pick
   * conflicts in {@code homeassistant/climate.py}, and the picks before it land.
   */
  public ReleaseDayScenario hotfixClimateOnTheReleaseBranch() {
    fixture.project().commit("release-0-57", "Hotfix climate on the release branch",
        Map.of("homeassistant/climate.py", "PRESETS = ['eco']\n"));
    return this;
  }

  /**
   * The conflict of {@link #hotfixClimateOnTheReleaseBranch()} resolved as a person does it ({@code git cherry-pick
   * -x -m 1}, fix, commit, push): a commit on the release branch with the pick's trailer, taking the pick's side
   * (so that merging master into dev after the release is clean).
   */
  public ReleaseDayScenario resolveTheClimateConflictByHand() {
    fixture.project().commit("release-0-57", "Fix climate presets\n\n(cherry picked from commit "
        + mergeCommitOf(mergeCommitPr) + ")", Map.of("homeassistant/climate.py", "PRESETS = []\n"));
    return this;
  }

  /** The merge commit of a merged pull request. */
  public String mergeCommitOf(int number) {
    return hosting.pullRequest(number).mergeCommitSha().orElseThrow();
  }
}
