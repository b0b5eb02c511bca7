package dev.releasekit.github.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.squareup.moshi.JsonDataException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The typed bodies: a drift in GitHub's answers throws, naming the field, instead of reading 0 or "". */
class SchemaTest {
  private static final String PULL = "{\"number\": 104, \"title\": \"Fix sensor rounding\", \"body\": null, "
      + "\"state\": \"closed\", \"merged_at\": \"2017-10-25T10:00:00Z\", \"merge_commit_sha\": \"abc\", "
      + "\"head\": {\"ref\": \"fix-sensor\"}, \"base\": {\"ref\": \"dev\"}, \"user\": {\"login\": \"sensordev\"}, "
      + "\"labels\": [{\"name\": \"cherry-picked\", \"color\": \"ededed\"}], \"milestone\": {\"title\": \"0.57\"}, "
      + "\"html_url\": \"https://github.com/home-assistant/core/pull/104\", \"extra\": {\"ignored\": true}}";

  @Test
  void aCompleteBodyIsReadWithItsOptionalFieldsNullAndUnknownFieldsIgnored() throws Exception {
    Schema.Pull pull = Schema.read(PULL, Schema.Pull.class);

    assertThat(pull.number()).isEqualTo(104);
    assertThat(pull.body()).isNull();
    assertThat(pull.merged()).isNull();
    assertThat(pull.head().ref()).isEqualTo("fix-sensor");
    assertThat(pull.labels()).extracting(Schema.LabelName::name).containsExactly("cherry-picked");
  }

  @Test
  void aMissingRequiredNumberThrowsInsteadOfReadingZero() {
    assertThatThrownBy(() -> Schema.read(PULL.replace("\"number\": 104, ", ""), Schema.Pull.class))
        .isInstanceOf(JsonDataException.class).hasMessageContaining("number").hasMessageContaining("Pull");
  }

  @Test
  void aMissingRequiredFieldOfANestedObjectThrowsNamingWhere() {
    assertThatThrownBy(() -> Schema.read(PULL.replace("{\"ref\": \"dev\"}", "{}"), Schema.Pull.class))
        .isInstanceOf(JsonDataException.class).hasMessageContaining("ref").hasMessageContaining("$.base");
  }

  @Test
  void aMissingJsonNamedFieldIsNamedAsGitHubSpellsIt() {
    assertThatThrownBy(() -> Schema.read(PULL.replace("\"html_url\"", "\"url\""), Schema.Pull.class))
        .isInstanceOf(JsonDataException.class).hasMessageContaining("html_url");
  }

  @Test
  void aFieldOfTheWrongTypeThrows() {
    assertThatThrownBy(() -> Schema.read(PULL.replace("104", "\"104a\""), Schema.Pull.class))
        .isInstanceOf(JsonDataException.class);
  }

  @Test
  void labelsAreReadAsObjectsOrBareStrings() throws Exception {
    List<Schema.LabelName> labels = Schema.readList("[{\"name\": \"a\"}, \"b\"]", Schema.LabelName.class);

    assertThat(labels).extracting(Schema.LabelName::name).containsExactly("a", "b");
  }

  @Test
  void aCommitWhoseEmailMapsToNoAccountHasAnEmptyAuthorObject() throws Exception {
    Schema.Commit commit = Schema.read("{\"sha\": \"abc\", \"commit\": {\"message\": \"Initial\", \"author\": "
        + "{\"name\": \"Paulus\", \"email\": \"paulus@example.com\"}}, \"author\": {}}", Schema.Commit.class);

    assertThat(CommitSummary.of(commit).login()).isEmpty();
    assertThat(CommitSummary.of(commit).authorEmail()).isEqualTo("paulus@example.com");
  }

  @Test
  void requestBodiesLeaveOutNullFields() {
    assertThat(Schema.write(new Schema.ReleaseEdit(null, Boolean.FALSE))).isEqualTo("{\"draft\":false}");
    assertThat(Schema.write(new Schema.NewPull("0.57", "release-0-57", "master", "")))
        .isEqualTo("{\"title\":\"0.57\",\"head\":\"release-0-57\",\"base\":\"master\",\"body\":\"\"}");
  }
}
