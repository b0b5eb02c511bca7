package dev.releasekit.website.testing;

import dev.releasekit.Release;
import dev.releasekit.spi.Hosting;
import dev.releasekit.testing.GitFixture;
import dev.releasekit.testing.TwoRepositories;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Home Assistant's core and website before the preparation of 0.57, the site with a fix on its live branch that
 * {@code next} lacks, so that merging {@code current} into {@code next} makes a merge commit. The preparation is
 * {@link TwoRepositories#preparation}: core's merge forward, branch, bump and pull request; the site's merge, its
 * {@code release-0-57} cut from {@code next}, and its pull request into {@code current} titled "0.57".
 *
 * <pre>{@code
 * SitePreparation both = SitePreparation.on(temp, SitePreparation.LOCAL);
 * both.preparation().run();
 * both.site().commit("next").getParentCount();   // 2
 * }</pre>
 */
public final class SitePreparation {
  /** Both repositories on their fixtures' LocalHosting. */
  public static final SiteReleaseDay.Hosts LOCAL = (name, fixture) -> new SiteReleaseDay.Hosted(fixture.hosting(),
      dev.releasekit.testing.Seeding.of(fixture.hosting()));

  private final GitFixture core;
  private final GitFixture site;
  private final Hosting coreHosting;
  private final Hosting siteHosting;

  private SitePreparation(GitFixture core, GitFixture site, Hosting coreHosting, Hosting siteHosting) {
    this.core = core;
    this.site = site;
    this.coreHosting = coreHosting;
    this.siteHosting = siteHosting;
  }

  public static SitePreparation on(Path temp, SiteReleaseDay.Hosts hosts) {
    GitFixture core = GitFixture.homeAssistant(temp.resolve("core"));
    GitFixture site = GitFixture.homeAssistantWebsite(temp.resolve("site"));
    site.project().commit("current", "Fix a typo on the live site", Map.of("source/index.html", "Home Assistant\n"));
    site.project().fetchClone();
    return new SitePreparation(core, site, hosts.host("core", core).hosting(), hosts.host("website", site).hosting());
  }

  public Release preparation() {
    return preparation(UnaryOperator.identity());
  }

  /** The preparation with each hosting passed through {@code wrap}, such as a read-only client for a plan. */
  public Release preparation(UnaryOperator<Hosting> wrap) {
    return TwoRepositories.preparation(core, wrap.apply(coreHosting), site, wrap.apply(siteHosting));
  }

  public GitFixture core() {
    return core;
  }

  public GitFixture site() {
    return site;
  }

  /** Both origins' refs and LocalHosting stores, hashed. */
  public String fingerprint() {
    return core.fingerprint() + "|" + site.fingerprint();
  }

  /** What both origins hold, independent of commit timestamps. */
  public String contentState() {
    return core.contentState() + "|" + site.contentState();
  }
}
