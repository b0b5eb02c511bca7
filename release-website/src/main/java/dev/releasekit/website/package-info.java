/**
 * Website releases and announcements. Today: announcements sent exactly once, to Slack with a bot token
 * ({@link dev.releasekit.website.Slack}), to Slack through an incoming webhook
 * ({@link dev.releasekit.website.SlackWebhook}) and to any JSON receiver
 * ({@link dev.releasekit.website.JsonWebhook}), with the text from a
 * {@link dev.releasekit.website.MessageTemplate} filled from the release's typed results.
 *
 * <pre>{@code
 * Slack slack = Slack.builder().token(Secret.fromEnv("SLACK_BOT_TOKEN")).channel("C0RELEASES").build();
 * Release.of("0.57").tag().publishRelease()
 *     .then(slack.announce("Home Assistant {version} is out: {release.url}"))
 *     .plan();                     // shows the exact text; sends nothing
 * }</pre>
 *
 * <h2>Order</h2>
 * Announcements come last, after what they link to exists. That is not a convention to remember: each field of a
 * template reads a typed result ({@code {release.url}} the published release, {@code {blog.url}}
 * {@link dev.releasekit.website.WebsiteResults#BLOG_POST_URL}, set once the post is merged), so an announcement
 * placed before the step that produces it, or in a release without it, is BLOCKED in the plan, naming the field and
 * the step to add, and a draft release is refused.
 *
 * <h2>Out of scope: newsletters and social networks</h2>
 * Mailchimp campaigns and Hootsuite (or posting to social networks directly) are run from vendor consoles, with
 * review, scheduling and audience choices that belong there, and APIs whose terms change often. Plug one in as an
 * {@link dev.releasekit.spi.Announcer}: the same side-effect mechanism then sends it once, never in a plan, and
 * blocks after a crash unless your {@code find} can tell.
 *
 * <pre>{@code
 * Announcer newsletter = new Announcer() {
 *   public String name() { return "mailchimp release list"; }
 *   public String send(Announcement a) {
 *     String id = mailchimp.createCampaign(a.text(), a.nonce());      // your client; the nonce as a tag
 *     mailchimp.send(id);
 *     return id;                                                       // the receipt, journalled
 *   }
 *   public SideEffect.Status find(Announcement a) {                    // optional: after a crash
 *     return mailchimp.campaignTagged(a.nonce()) ? SideEffect.Status.PERFORMED : SideEffect.Status.NOT_PERFORMED;
 *   }
 * };
 * release.announcer(newsletter).then(Announcements.announce("{version} is out: {release.url}"));
 * }</pre>
 */
package dev.releasekit.website;
