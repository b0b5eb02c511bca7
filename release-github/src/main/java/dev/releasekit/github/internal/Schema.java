package dev.releasekit.github.internal;

import com.squareup.moshi.FromJson;
import com.squareup.moshi.Json;
import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.ToJson;
import com.squareup.moshi.Types;
import java.io.IOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Set;

/**
 * The REST bodies releasekit reads and writes, one record per JSON shape, with only the fields it uses. Every
 * component is required unless marked {@link Nullable}: a body that lacks one (a schema drift, a proxy's error
 * page) throws a {@link JsonDataException} naming the field, instead of reading {@code 0} or {@code ""}.
 */
public final class Schema {
  private Schema() {}

  /** A component GitHub may leave out or send as {@code null}. */
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.RECORD_COMPONENT)
  public @interface Nullable {}

  // ------------------------------------------------------------------ answers

  public record Ref(String ref) {}

  public record Login(String login) {}

  public record Titled(String title) {}

  /** A label name: GitHub sends an issue's labels as objects, and sometimes as bare strings. */
  public record LabelName(String name) {}

  public record Pull(Integer number, String title, @Nullable String body, String state,
      @Nullable @Json(name = "merged_at") String mergedAt, @Nullable Boolean merged,
      @Nullable @Json(name = "merge_commit_sha") String mergeCommitSha, Ref head, Ref base, @Nullable Login user,
      List<LabelName> labels, @Nullable Titled milestone, @Json(name = "html_url") String htmlUrl) {}

  public record Issue(Integer number, String title, String state, @Nullable Login user, List<LabelName> labels,
      @Nullable Titled milestone, @Nullable @Json(name = "pull_request") Object pullRequest,
      @Json(name = "html_url") String htmlUrl) {}

  public record SearchResults(List<Issue> items) {}

  public record Milestone(Integer number, String title, String state, @Json(name = "html_url") String htmlUrl) {}

  public record Release(Long id, @Json(name = "tag_name") String tagName, @Nullable String name,
      @Nullable String body, Boolean draft, @Json(name = "html_url") String htmlUrl) {}

  /** The repository, with the role of the token's user when GitHub tells it (user tokens). */
  public record Repository(@Json(name = "full_name") String fullName, @Json(name = "private") Boolean isPrivate,
      @Nullable Permissions permissions) {}

  public record Permissions(Boolean admin, @Nullable Boolean maintain, Boolean push, @Nullable Boolean triage,
      Boolean pull) {}

  /** {@code GET /repos/{owner}/{repo}/actions/permissions/workflow}. */
  public record WorkflowPermissions(@Json(name = "default_workflow_permissions") String defaultPermissions,
      @Json(name = "can_approve_pull_request_reviews") Boolean canApprovePullRequestReviews) {}

  public record User(String login, @Nullable String name, @Nullable @Json(name = "html_url") String htmlUrl) {}

  public record Contributor(String type, @Nullable String login, @Nullable String name, @Nullable String email,
      Integer contributions) {}

  public record RepositoryName(@Json(name = "full_name") String fullName) {}

  public record GitUser(@Nullable String name, @Nullable String email) {}

  public record CommitDetail(String message, @Nullable GitUser author) {}

  /** A commit's account: a user, {@code null}, or an empty object when the email maps to no account. */
  public record Account(@Nullable String login) {}

  public record Commit(String sha, CommitDetail commit, @Nullable Account author) {}

  public record Comparison(String status, @Json(name = "ahead_by") Integer aheadBy,
      @Json(name = "behind_by") Integer behindBy, List<Commit> commits) {}

  public record GitObject(String sha) {}

  public record GitRef(@Json(name = "object") GitObject target) {}

  // ------------------------------------------------------------------ requests (null fields are left out)

  public record NewPull(String title, String head, String base, String body) {}

  public record PullEdit(@Nullable String title, @Nullable String body) {}

  public record Merge(@Json(name = "merge_method") String mergeMethod) {}

  public record Labels(List<String> labels) {}

  public record NewLabel(String name, String color) {}

  public record StateEdit(String state) {}

  public record NewRelease(@Json(name = "tag_name") String tagName, String name, String body, Boolean draft) {}

  public record ReleaseEdit(@Nullable String body, @Nullable Boolean draft) {}

  static final Moshi MOSHI = new Moshi.Builder().add(new LabelNames()).add(new Required()).build();

  /** Reads {@code json} as {@code type}, every required field checked. */
  static <T> T read(String json, Class<T> type) throws IOException {
    T value = MOSHI.adapter(type).fromJson(json);
    if (value == null) {
      throw new JsonDataException("Expected " + type.getSimpleName() + " but was null");
    }
    return value;
  }

  /** Reads a JSON array of {@code type}. */
  static <T> List<T> readList(String json, Class<T> type) throws IOException {
    JsonAdapter<List<T>> adapter = MOSHI.adapter(Types.newParameterizedType(List.class, type));
    List<T> value = adapter.fromJson(json);
    if (value == null) {
      throw new JsonDataException("Expected a list of " + type.getSimpleName() + " but was null");
    }
    return value;
  }

  static String write(Object body) {
    @SuppressWarnings("unchecked")
    JsonAdapter<Object> adapter = (JsonAdapter<Object>) MOSHI.adapter(body.getClass());
    return adapter.toJson(body);
  }

  /** Labels as objects with a name, or as bare strings. */
  static final class LabelNames {
    private static final JsonReader.Options NAME = JsonReader.Options.of("name");

    @FromJson
    LabelName fromJson(JsonReader reader) throws IOException {
      if (reader.peek() == JsonReader.Token.STRING) {
        return new LabelName(reader.nextString());
      }
      String name = null;
      reader.beginObject();
      while (reader.hasNext()) {
        if (reader.selectName(NAME) == 0) {
          name = reader.nextString();
        } else {
          reader.skipName();
          reader.skipValue();
        }
      }
      reader.endObject();
      if (name == null) {
        throw new JsonDataException("Required field name missing at " + reader.getPath());
      }
      return new LabelName(name);
    }

    @ToJson
    void toJson(JsonWriter writer, LabelName label) throws IOException {
      writer.value(label.name());
    }
  }

  /** Wraps each record's adapter: after reading, a required component that is still null throws. */
  static final class Required implements JsonAdapter.Factory {
    @Override
    public JsonAdapter<?> create(Type type, Set<? extends java.lang.annotation.Annotation> annotations,
        Moshi moshi) {
      Class<?> raw = Types.getRawType(type);
      if (!raw.isRecord() || !annotations.isEmpty() || raw.getEnclosingClass() != Schema.class) {
        return null;
      }
      JsonAdapter<Object> next = moshi.nextAdapter(this, type, annotations);
      return new JsonAdapter<Object>() {
        @Override
        public Object fromJson(JsonReader reader) throws IOException {
          String path = reader.getPath();
          Object value = next.fromJson(reader);
          if (value != null) {
            check(raw, value, path);
          }
          return value;
        }

        @Override
        public void toJson(JsonWriter writer, Object value) throws IOException {
          next.toJson(writer, value);
        }
      };
    }

    private static void check(Class<?> type, Object value, String path) {
      for (RecordComponent component : type.getRecordComponents()) {
        if (component.isAnnotationPresent(Nullable.class)) {
          continue;
        }
        Object field;
        try {
          field = component.getAccessor().invoke(value);
        } catch (IllegalAccessException | InvocationTargetException e) {
          throw new IllegalStateException(e);
        }
        if (field == null) {
          Json json = component.isAnnotationPresent(Json.class) ? component.getAnnotation(Json.class)
              : component.getAccessor().getAnnotation(Json.class);
          throw new JsonDataException("Required field " + (json == null ? component.getName() : json.name())
              + " of " + type.getSimpleName() + " missing at " + path);
        }
      }
    }
  }
}
