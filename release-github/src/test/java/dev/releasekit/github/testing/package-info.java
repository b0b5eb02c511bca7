/**
 * The GitHub stub set, for any module's tests (through release-github's test-jar): {@link
 * dev.releasekit.github.testing.GitHubStub} (a stateful GitHub on 127.0.0.1 built on WireMock, optionally sharing a
 * bare git origin so merges are real merge commits; {@code seeding()} puts it behind core's
 * {@link dev.releasekit.testing.Seeding}, so core's {@link dev.releasekit.testing.ReleaseDayScenario} runs on it),
 * {@link dev.releasekit.github.testing.ApiValidator} (every exchange checked against GitHub's OpenAPI description),
 * {@link dev.releasekit.testing.FakeTime} (a clock and sleeper so rate-limit and retry waits take no time) and
 * {@link dev.releasekit.github.testing.TokenLeakGuard} (fails a test whose output or exceptions contain the token,
 * and prints a test's captured output only when it fails). Git fixtures are core's {@code GitFixture} and
 * {@code LocalProject}.
 *
 * <pre>{@code
 * try (GitHubStub stub = GitHubStub.start("home-assistant/core").withOrigin(fixture.origin())) {
 *   GitHub github = stub.client().build();
 *   Release.of("0.57").in(fixture.workTree()).hostedOn(github).cutBranch().openPr().run();
 *   assertThat(stub.validationErrors()).isEmpty();
 * }
 * }</pre>
 */
package dev.releasekit.github.testing;
