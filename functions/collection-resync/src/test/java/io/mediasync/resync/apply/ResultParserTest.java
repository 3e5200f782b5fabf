package io.mediasync.resync.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mediasync.common.failure.FailureException;
import io.mediasync.resync.model.ResyncModel;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

/** A resizer result as the re-sync reads it: the seed's sizes, the WebP's URL, a reported failure, and what it refuses. */
class ResultParserTest {

    private final ResultParser parser = new ResultParser(ResyncModel.parse("channels", ""));

    @Test
    void sizesAreKeptInTheSeedsShapeAndAFailureWithItsReason() throws Exception {
        ResultParser.Result result = parser.parse("{\"_id\":{\"$oid\":\"6650b2f1c2a4e93b8f0e4c01\"},\"collection\":\"channels\","
                + "\"image_url\":\"https://img.example/a.jpg\",\"itunes_image\":\"https://img.example/i.jpg\","
                + "\"bucket_name\":\"channels\",\"resync_token\":\"tok-1\",\"resync_run\":\"run-1\","
                + "\"image_url_info\":{\"50x50\":{\"url\":\"https://cdn.example/a_50x50.jpeg\",\"bucket_path\":\"p/\","
                + "\"width\":50,\"webp\":{\"url\":\"https://cdn.example/a_50x50.webp\",\"key\":\"k\"}},"
                + "\"800x800\":{\"url\":\"http://cdn.example/a_800x800.jpeg\",\"bucket_path\":\"p/\",\"webp\":{\"url\":\"ftp://x\"}}},"
                + "\"itunes_image_error\":{\"code\":\"http_404\",\"reason\":\"" + "r".repeat(600) + "\"}}");

        assertThat(result.collection()).isEqualTo("channels");
        assertThat(result.id()).isEqualTo(new ObjectId("6650b2f1c2a4e93b8f0e4c01"));
        assertThat(result.token()).isEqualTo("tok-1");
        assertThat(result.runId()).isEqualTo("run-1");
        assertThat(result.fields()).containsOnlyKeys("image_url", "itunes_image");
        ResultParser.Result.Field image = result.fields().get("image_url");
        assertThat(image.url()).isEqualTo("https://img.example/a.jpg");
        assertThat(image.info().toJson()).isEqualTo("{\"50x50\": {\"url\": \"https://cdn.example/a_50x50.jpeg\", "
                + "\"bucket_path\": \"p/\", \"webp\": {\"url\": \"https://cdn.example/a_50x50.webp\"}}, "
                + "\"800x800\": {\"url\": \"http://cdn.example/a_800x800.jpeg\", \"bucket_path\": \"p/\"}}");
        assertThat(image.errorCode()).isNull();
        ResultParser.Result.Field itunes = result.fields().get("itunes_image");
        assertThat(itunes.info()).isNull();
        assertThat(itunes.errorCode()).isEqualTo("http_404");
        assertThat(itunes.errorReason()).isEqualTo("r".repeat(500));
    }

    @Test
    void aFieldWithNeitherSizesNorAnErrorIsKeptEmptyAndAnErrorWithoutReasonIsItsCode() throws Exception {
        ResultParser.Result result = parser.parse("{\"_id\":\"chan-2\",\"collection\":\"channels\",\"resync_token\":\"t\","
                + "\"image_url\":\"https://img.example/a.jpg\",\"itunes_image\":\"https://img.example/i.jpg\","
                + "\"itunes_image_error\":{\"code\":\"not_an_image\"}}");

        assertThat(result.id()).isEqualTo("chan-2");
        assertThat(result.runId()).isNull();
        assertThat(result.fields().get("image_url")).isEqualTo(new ResultParser.Result.Field("https://img.example/a.jpg", null, null, null));
        assertThat(result.fields().get("itunes_image").errorReason()).isEqualTo("not_an_image");
    }

    @Test
    void whatIsNotAResyncResultOrNotTheSeedsSizesIsRefusedWithItsCode() {
        assertCode("not json", "not_json");
        assertCode("{\"_id\":1,\"collection\":\"channels\"}", "not_a_resync_result");
        assertCode("{\"_id\":1,\"collection\":\"films\",\"resync_token\":\"t\"}", "unknown_collection");
        assertCode("{\"collection\":\"channels\",\"resync_token\":\"t\"}", "missing_id");
        String base = "{\"_id\":1,\"collection\":\"channels\",\"resync_token\":\"t\",\"image_url\":\"https://i/a.jpg\",\"image_url_info\":";
        assertCode(base + "{}}", "bad_info");
        assertCode(base + "\"text\"}", "bad_info");
        assertCode(base + "{\"50x50\":{\"url\":\"ftp://x\",\"bucket_path\":\"p/\"}}}", "bad_info");
        assertCode(base + "{\"50x50\":{\"url\":\"https://x\"}}}", "bad_info");
    }

    private void assertCode(String body, String code) {
        assertThatThrownBy(() -> parser.parse(body)).as(body).isInstanceOfSatisfying(FailureException.class,
                e -> assertThat(e.failure().code()).isEqualTo(code));
    }
}
