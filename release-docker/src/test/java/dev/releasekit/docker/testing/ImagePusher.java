package dev.releasekit.docker.testing;

import dev.releasekit.RemoteException;
import dev.releasekit.Secret;
import dev.releasekit.spi.Sleeper;
import dev.releasekit.docker.internal.DockerConfig;
import dev.releasekit.docker.internal.RegistryClient;
import dev.releasekit.docker.internal.RegistryClient.Answer;
import dev.releasekit.docker.internal.RegistryClient.Call;
import dev.releasekit.spi.ImageManifest;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * Pushes sample images through the blob upload API: {@code HEAD} the blob, else {@code POST} an upload and
 * {@code PUT} its bytes with the digest (a monolithic upload), then {@code PUT} the manifest. For tests and the
 * benchmark; releases never push images.
 */
public final class ImagePusher {
  private final RegistryClient client;
  private final String host;

  public ImagePusher(String host, Optional<String> username, Optional<Secret> password) {
    this.host = host;
    Optional<DockerConfig.Login> login = username.map(user -> new DockerConfig.Login(user, password.orElseThrow()));
    this.client = new RegistryClient(new OkHttpClient(), h -> h.equals(host) ? login : Optional.empty(), Map.of(),
        Clock.systemUTC(), Sleeper.system(), Duration.ZERO, 1, text -> text);
  }

  /** Pushes the image's blobs and puts its manifest under {@code tag} (or only by digest when tag is null). */
  public void push(String repository, SampleImages.Image image, String tag) {
    for (SampleImages.Blob blob : image.blobs()) {
      pushBlob(repository, blob);
    }
    putManifest(repository, image.manifest(), tag == null ? image.manifest().digest() : tag);
  }

  public void pushBlob(String repository, SampleImages.Blob blob) {
    Answer exists = client.send(new Call("HEAD", host, repository,
        client.url(host, "v2/" + repository + "/blobs/" + blob.digest()), Headers.of(), null, null, true));
    if (exists.ok()) {
      return;
    }
    Answer started = client.send(new Call("POST", host, repository,
        client.url(host, "v2/" + repository + "/blobs/uploads/"), Headers.of(), null, null, true));
    if (started.status() != 202) {
      throw client.failure(host, started, "start a blob upload to " + repository);
    }
    String location = started.header("Location").orElseThrow(() -> new RemoteException(host, started.status(),
        null, "The registry started an upload without a Location."));
    HttpUrl url = started.url().resolve(location);
    if (url == null) {
      throw new RemoteException(host, started.status(), null, "The upload Location " + location + " is not a URL.");
    }
    HttpUrl put = url.newBuilder().addQueryParameter("digest", blob.digest()).build();
    Answer done = client.send(new Call("PUT", host, repository, put, Headers.of(), blob.bytes(),
        "application/octet-stream", true));
    if (done.status() != 201) {
      throw client.failure(host, done, "finish the upload of " + blob.digest());
    }
  }

  public void putManifest(String repository, ImageManifest manifest, String reference) {
    Answer answer = client.send(new Call("PUT", host, repository,
        client.url(host, "v2/" + repository + "/manifests/" + reference), Headers.of(), manifest.bytes(),
        manifest.mediaType(), true));
    if (answer.status() != 201) {
      throw client.failure(host, answer, "put the manifest " + reference + " in " + repository);
    }
  }
}
