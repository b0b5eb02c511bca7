package dev.releasekit.notes;

/**
 * Where rendered release notes are published. The two variants differ only in where documentation links point:
 * the website file links relative to the site ({@code /integrations/hue/}), the GitHub file needs absolute
 * addresses ({@code https://www.home-assistant.io/integrations/hue/}). The website file also carries the style's
 * help paragraph and the {@code <!--more-->} excerpt break.
 *
 * <pre>{@code
 * String prBody = notes.render(Variant.GITHUB);
 * String blogPost = notes.render(Variant.WEBSITE);
 * }</pre>
 */
public enum Variant {
  /** The blog post on the project's website: relative documentation links, help paragraph, excerpt break. */
  WEBSITE,
  /** The release pull request and the GitHub release: absolute documentation links. */
  GITHUB
}
