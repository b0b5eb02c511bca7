package dev.releasekit.local.internal;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import dev.releasekit.ReleaseException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The JSON file behind {@code LocalHosting}. Every operation reads the file, applies a change and replaces the file
 * atomically, under a lock that holds across threads and processes; reads never create or touch the file.
 */
public final class Store {
  private static final JsonAdapter<State> ADAPTER = new Moshi.Builder().build().adapter(State.class).indent("  ");

  private final Path directory;
  private final Path file;
  // A file lock guards against other processes only; within one JVM every instance on the same folder must
  // also share one monitor, or their file locks would overlap.
  private static final java.util.concurrent.ConcurrentMap<Path, Object> MONITORS =
      new java.util.concurrent.ConcurrentHashMap<>();

  private final Object monitor;

  public Store(Path directory) {
    this.directory = directory.toAbsolutePath().normalize();
    this.file = this.directory.resolve("hosting.json");
    this.monitor = MONITORS.computeIfAbsent(this.directory, d -> new Object());
  }

  public Path directory() {
    return directory;
  }

  /** Reads the state under a shared view; the function must not mutate it. */
  public <T> T read(Function<State, T> query) {
    synchronized (monitor) {
      return query.apply(load());
    }
  }

  /** Applies {@code change} to the state and writes it back, atomically and under an exclusive lock. */
  public <T> T write(Function<State, T> change) {
    synchronized (monitor) {
      try {
        Files.createDirectories(directory);
        try (FileChannel lockFile = FileChannel.open(directory.resolve(".lock"), StandardOpenOption.CREATE,
            StandardOpenOption.WRITE)) {
          FileLock lock = lockFile.lock();
          State state = load();
          T result = change.apply(state);
          Path temp = directory.resolve("hosting.json.tmp");
          Files.writeString(temp, ADAPTER.toJson(state) + "\n", StandardCharsets.UTF_8);
          try {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
          } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
          }
          lock.release();
          return result;
        }
      } catch (IOException e) {
        throw new ReleaseException("Cannot write the local hosting store " + file + ": " + e.getMessage() + ". The store is LocalHosting's folder; check its permissions and free space (or restore the file from a backup), then run again.", e);
      }
    }
  }

  private State load() {
    if (!Files.exists(file)) {
      return new State();
    }
    try {
      State state = ADAPTER.fromJson(Files.readString(file, StandardCharsets.UTF_8));
      return state == null ? new State() : state.normalised();
    } catch (IOException | RuntimeException e) {
      throw new ReleaseException("The local hosting store " + file + " is not readable JSON: " + e.getMessage()
          + ". Restore it from a backup or delete it to start empty.", e);
    }
  }

  /** The whole hosting, as stored. Field names are the JSON keys. */
  public static final class State {
    public int nextNumber = 1;
    public int nextMilestone = 1;
    public int nextRelease = 1;
    public List<Item> items = new ArrayList<>();
    public List<MilestoneData> milestones = new ArrayList<>();
    public List<String> labels = new ArrayList<>();
    public List<ReleaseData> releases = new ArrayList<>();
    public List<UserData> users = new ArrayList<>();
    public List<RepositoryData> repositories = new ArrayList<>();

    State normalised() {
      items = items == null ? new ArrayList<>() : items;
      milestones = milestones == null ? new ArrayList<>() : milestones;
      labels = labels == null ? new ArrayList<>() : labels;
      releases = releases == null ? new ArrayList<>() : releases;
      users = users == null ? new ArrayList<>() : users;
      repositories = repositories == null ? new ArrayList<>() : repositories;
      for (UserData user : users) {
        user.emails = user.emails == null ? new ArrayList<>() : user.emails;
      }
      for (RepositoryData repository : repositories) {
        repository.contributors = repository.contributors == null ? new ArrayList<>() : repository.contributors;
      }
      for (Item item : items) {
        item.labels = item.labels == null ? new ArrayList<>() : item.labels;
      }
      return this;
    }
  }

  /** An issue or a pull request; they share one number space, as on GitHub. */
  public static final class Item {
    public int number;
    public String kind;
    public String title;
    public String body;
    public String state;
    public String author;
    public List<String> labels = new ArrayList<>();
    public String milestone;
    public String head;
    public String base;
    public String mergedAt;
    public String mergeCommitSha;
  }

  public static final class MilestoneData {
    public int number;
    public String title;
    public String state;
  }

  public static final class ReleaseData {
    public String id;
    public String tag;
    public String name;
    public String body;
    public String status;
  }

  public static final class UserData {
    public String login;
    public String name;
    /** The commit emails that map to this account. */
    public List<String> emails = new ArrayList<>();
  }

  /** Another repository of the same owner, with its contributors: what a credits page reads. */
  public static final class RepositoryData {
    public String fullName;
    public boolean isPrivate;
    public List<ContributionData> contributors = new ArrayList<>();
  }

  /** A contributor's commits to a repository; {@code login} is null for an anonymous one. */
  public static final class ContributionData {
    public String login;
    public String name;
    public String email;
    public int commits;
  }
}
