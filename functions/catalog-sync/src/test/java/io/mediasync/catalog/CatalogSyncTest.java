package io.mediasync.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.mediasync.testsupport.DevStackTestResource;
import io.mediasync.testsupport.MongoSrvContract;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;

/** PATCH /api/syncall against a real HTTP catalog on loopback, with a static token (API_TOKEN). */
@QuarkusTest
@QuarkusTestResource(value = DevStackTestResource.class, initArgs = {
        @io.quarkus.test.common.ResourceArg(name = "queues", value = "GL_SYNC_HTTP_SOURCE_ORDERS.fifo,CatalogSyncRuns.fifo")})
@QuarkusTestResource(CatalogTestResource.class)
class CatalogSyncTest extends CatalogTestSupport implements MongoSrvContract {

    @Test
    void firstSyncInsertsEverySourceAndOrdersEachOnceInTheSeedsShape() throws Exception {
        listSources(5); // 3 pages of 2, linked by Link headers

        Api.Answer answer = Api.syncall();

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().toString()).matches("\\{\"data\":\"5 upserted\",\"date\":\"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z\",\"response\":\"ok\"}");
        assertThat(catalog.requests).containsExactly("/api/sources", "/api/sources?page=2", "/api/sources?page=3");
        assertThat(catalog.authorizations).containsOnly("Bearer static-test-token");
        Document source = source(103);
        assertThat(source.getString("url")).isEqualTo("https://feeds.example.com/103.xml");
        assertThat(source.getString("content_path")).isEqualTo("podcasts/103/");
        assertThat(source.getBoolean("enabled")).isTrue();
        assertThat(source.get("catalog", Document.class)).isEqualTo(new Document("title", "Source 103"));
        Document run = onlyRun();
        assertThat(run.get("counts", Document.class)).containsEntry("inserted", 5).containsEntry("pages", 3).containsEntry("ordered", 5)
                .containsEntry("requests", 3);
        List<Message> orders = drain(ORDERS);
        assertThat(orders).hasSize(5);
        Message first = orders.stream().filter(m -> m.body().contains("\"source_id\":103")).findFirst().orElseThrow();
        assertThat(first.body()).isEqualTo("{\"source_id\":103,\"url\":\"https://feeds.example.com/103.xml\",\"content_path\":\"podcasts/103/\"}");
        assertThat(first.attributesAsStrings()).containsEntry("MessageGroupId", "103");
    }

    @Test
    void anUnchangedResyncWritesNothingAndOrdersNothing() {
        listSources(4);
        Api.syncall();
        drain(ORDERS);
        Date written = source(101).getDate("updatedAt");

        Api.Answer again = Api.syncall();

        assertThat(again.body().path("data").asText()).isEqualTo("4 upserted"); // the seed counts every stored item
        assertThat(source(101).getDate("updatedAt")).isEqualTo(written);
        assertThat(drain(ORDERS)).isEmpty();
        Document counts = db.getCollection("catalog_sync_runs").find(Filters.eq("counts.unchanged", 4)).first();
        assertThat(counts).as("the second run counted 4 unchanged").isNotNull();
    }

    @Test
    void onlyTheCatalogsFieldsAreWrittenAndAMovedSourceIsOrderedAgain() {
        listSources(2);
        Api.syncall();
        drain(ORDERS);
        // what the downloader and the scheduler write on a source
        db.getCollection("sources").updateOne(Filters.eq("source_id", 101), Updates.combine(Updates.set("lastSyncStatus", "completed"),
                Updates.set("listingEtag", "\"abc\""), Updates.set("headers", new Document("X-Key", "v"))));
        catalog.items.get(0).put("url", "https://feeds.example.com/moved.xml").put("title", "Renamed");

        Api.syncall();

        Document moved = source(101);
        assertThat(moved.getString("url")).isEqualTo("https://feeds.example.com/moved.xml");
        assertThat(moved.get("catalog", Document.class)).isEqualTo(new Document("title", "Renamed"));
        assertThat(moved.getString("lastSyncStatus")).isEqualTo("completed");
        assertThat(moved.getString("listingEtag")).isEqualTo("\"abc\"");
        assertThat(moved.get("headers", Document.class)).isEqualTo(new Document("X-Key", "v"));
        List<Message> orders = drain(ORDERS);
        assertThat(orders).extracting(Message::body).containsExactly(
                "{\"source_id\":101,\"url\":\"https://feeds.example.com/moved.xml\",\"content_path\":\"podcasts/101/\"}");
    }

    @Test
    void paginationByANextFieldInAnObjectAnswer() {
        listSources(5);
        catalog.paging = FakeCatalog.Paging.NEXT_FIELD;

        assertThat(Api.syncall().body().path("data").asText()).isEqualTo("5 upserted");
        assertThat(catalog.requests).hasSize(3);
        assertThat(sources()).isEqualTo(5);
    }

    @Test
    void aSourceRemovedUpstreamIsDisabledNeverDeletedAndHandEnteredSourcesAreLeftAlone() {
        listSources(3);
        Api.syncall();
        db.getCollection("sources").insertOne(new Document("source_id", 900).append("url", "https://by.hand/feed").append("content_path", "x/"));
        catalog.items = new ArrayList<>(catalog.items.subList(0, 2)); // 103 leaves the catalog

        Api.Answer answer = Api.syncall();

        assertThat(answer.body().path("data").asText()).isEqualTo("2 upserted");
        Document removed = source(103);
        assertThat(removed).as("never deleted").isNotNull();
        assertThat(removed.getBoolean("enabled")).isFalse();
        assertThat(removed.getDate("removedFromCatalogAt")).isNotNull();
        assertThat(source(900).get("enabled")).as("not the catalog's").isNull();
        assertThat(source(101).getBoolean("enabled")).isTrue();

        // it comes back: enabled again, the removal mark gone
        listSources(3);
        Api.syncall();
        assertThat(source(103).getBoolean("enabled")).isTrue();
        assertThat(source(103).get("removedFromCatalogAt")).isNull();
    }

    @Test
    void anErrorOnALaterPageKeepsThePagesReadAndDisablesNothing() {
        listSources(6);
        Api.syncall();
        listSources(6);
        catalog.items.get(0).put("url", "https://feeds.example.com/changed.xml"); // page 1 changes
        catalog.items = new ArrayList<>(catalog.items.subList(0, 5));            // 106 is gone from page 3...
        catalog.faults.put(3, new ArrayList<>(List.of(404)));                     // ...but page 3 fails

        JsonNode result = Api.syncall().body();

        assertThat(result.path("response").asText()).isEqualTo("error");
        assertThat(reason(result)).isEqualTo("http_404");
        assertThat(result.path("data").path("id").isNull()).isTrue();
        assertThat(source(101).getString("url")).isEqualTo("https://feeds.example.com/changed.xml");
        assertThat(source(106).getBoolean("enabled")).as("an incomplete listing disables nothing").isTrue();
    }

    @Test
    void itemsThatCannotBeStoredAreCountedAndTheirSourcesLeftAsTheyAre() {
        listSources(2);
        Api.syncall();
        catalog.items.get(1).put("url", "ftp://nope");
        catalog.items.add(JSON.createObjectNode().put("title", "no id at all"));

        JsonNode result = Api.syncall().body();

        assertThat(result.path("data").asText()).isEqualTo("1 upserted");
        assertThat(source(102).getString("url")).isEqualTo("https://feeds.example.com/102.xml");
        assertThat(source(102).getBoolean("enabled")).isTrue();
        assertThat(db.getCollection("catalog_sync_runs").find(Filters.eq("counts.invalid", 2)).first()).isNotNull();
    }

    @Test
    void fieldsAreMappedByConfigurationAndIdsMayBeStrings() {
        catalog.items = new ArrayList<>(List.of(JSON.createObjectNode().put("source_id", "77735")
                .put("url", "https://example.com/portraits/").put("content_path", "portraits/").put("owner", "team-a")));

        Api.syncall();

        assertThat(source(77735).get("catalog", Document.class)).isEqualTo(new Document(Map.of("owner", "team-a")));
        assertThat(source(77735).getBoolean("enabled")).as("missing enabled = enabled").isTrue();
    }
}
