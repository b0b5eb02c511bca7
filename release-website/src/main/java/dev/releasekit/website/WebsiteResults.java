package dev.releasekit.website;

import dev.releasekit.ResultKey;

/**
 * The typed results of the website's steps, read by later steps through
 * {@link dev.releasekit.spi.StepContext#result(ResultKey)} and by callers through
 * {@link dev.releasekit.Report#result(ResultKey)}.
 *
 * <pre>{@code
 * String post = report.result(WebsiteResults.BLOG_POST_URL).orElseThrow();   // https://www.home-assistant.io/blog/...
 * }</pre>
 */
public final class WebsiteResults {
  /**
   * The public URL of the release's blog post, set by {@link Website#blogPostLive(BlogPost)} once the post is merged
   * (and so live). An announcement that links the post reads it from here.
   */
  public static final ResultKey<String> BLOG_POST_URL = ResultKey.of("blog-post-url", String.class);

  private WebsiteResults() {
  }
}
