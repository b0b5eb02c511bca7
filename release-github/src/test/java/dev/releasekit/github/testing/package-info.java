/**
 * The GitHub stub set, for any module's tests (through release-github's test-jar): {@link
 * dev.releasekit.github.testing.GitHubStub} (a stateful GitHub on 127.0.0.1 built on WireMock, optionally sharing a
 * bare git origin so merges are real merge commits), {@link dev.releasekit.github.testing.ApiValidator} (every
 * exchange checked against GitHub's OpenAPI description), {@link dev.releasekit.testing.FakeTime} (a clock
 * and sleeper so rate-limit and retry waits take no time), {@link dev.releasekit.github.testing.TokenLeakGuard}
 * (fails a test whose output or exceptions contain the token), {@link dev.releasekit.github.testing.BareOrigin} and
 * {@link dev.releasekit.github.testing.ReleaseDay} (the release day's hosting calls, observe then act).
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
