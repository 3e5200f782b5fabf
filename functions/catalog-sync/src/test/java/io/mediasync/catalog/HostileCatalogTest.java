package io.mediasync.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * A hostile or compromised catalog: it never changes what it did not create, and one run of its feed is bounded
 * (disabled share, new sources, item and page sizes; here CATALOG_MAX_NEW_SOURCES=5, CATALOG_MAX_PAGE_ITEMS=50,
 * CATALOG_MAX_PAGE_BYTES=64 KiB, the rest at their defaults).
 */
@QuarkusTest
class HostileCatalogTest extends CatalogTestSupport {

    private static final String REFUSED = "\\{\"data\":\\{\"__exception__\":true,\"id\":null,\"reason\":\"%s\"},\"date\":\"[^\"]+Z\",\"response\":\"error\"}";

    @Test
    void aHandEnteredSourceTheFeedListsIsNeverWrittenNorOrdered() {
        Document byHand = new Document("source_id", 101).append("url", "https://by-hand.example/feed.xml").append("content_path", "hand/")
                .append("headers", new Document("Authorization", new Document("secretRef", "SOURCE_SECRET_HAND")));
        db.getCollection("sources").insertOne(byHand);
        listSources(2); // 101 (someone else's) and 102

        Api.Answer answer = Api.syncall();

        assertThat(answer.body().path("data").asText()).isEqualTo("1 upserted");
        Document kept = source(101);
        kept.remove("_id");
        byHand.remove("_id");
        assertThat(kept).isEqualTo(byHand);
        assertThat(source(102).getString("createdBy")).isEqualTo("catalog-sync");
        assertThat(drain(ORDERS)).extracting(Message::body).containsExactly(
                "{\"source_id\":102,\"url\":\"https://feeds.example.com/102.xml\",\"content_path\":\"podcasts/102/\"}");
        Document run = onlyRun();
        assertThat(run.get("counts", Document.class)).containsEntry("foreign", 1).containsEntry("inserted", 1);
        assertThat(run.getList("skipped", Document.class)).containsExactly(new Document("source_id", 101L)
                .append("reason", "not_created_by_catalog").append("detail", "source 101 was not created by catalog-sync: left as it is"));
    }

    @Test
    void sourcesTheCatalogWroteBeforeOwnershipWasRecordedAreAdopted() {
        Date before = new Date(System.currentTimeMillis() - 86_400_000L);
        for (int id = 101; id <= 105; id++) { // as the previous version wrote them: catalogSyncedAt, no createdBy
            db.getCollection("sources").insertOne(new Document("source_id", id).append("url", "https://feeds.example.com/" + id + ".xml")
                    .append("content_path", "podcasts/" + id + "/").append("enabled", true).append("catalog", new Document("title", "Source " + id))
                    .append("catalogSyncedAt", before));
        }
        listSources(4); // 105 left the catalog
        catalog.items.get(0).put("url", "https://feeds.example.com/moved.xml");

        assertThat(Api.syncall().body().path("data").asText()).isEqualTo("4 upserted");

        assertThat(source(101).getString("url")).isEqualTo("https://feeds.example.com/moved.xml");
        assertThat(source(101).getString("createdBy")).isEqualTo("catalog-sync");
        assertThat(source(102).getDate("createdByAdoptedAt")).isNotNull();
        assertThat(source(105).getBoolean("enabled")).isFalse();
        assertThat(onlyRun().get("counts", Document.class)).containsEntry("updated", 1).containsEntry("unchanged", 3)
                .containsEntry("disabled", 1).containsEntry("foreign", 0);
    }

    @Test
    void aFeedThatWouldDisableMoreThanTheShareDisablesNothingUntilForced() {
        listSources(10);
        Api.syncall();
        catalog.items = new ArrayList<>(catalog.items.subList(0, 8)); // 2 of 10: exactly 20 %

        assertThat(Api.syncall().body().path("data").asText()).isEqualTo("8 upserted");
        assertThat(enabled()).isEqualTo(8);

        catalog.items = new ArrayList<>(catalog.items.subList(0, 6)); // 2 of the 8 enabled: over 20 %
        JsonNode refused = Api.syncall().body();

        assertThat(refused.toString()).matches(String.format(REFUSED, "disable_limit"));
        assertThat(enabled()).isEqualTo(8);
        Document run = latestRun();
        assertThat(run.getString("status")).isEqualTo("refused");
        assertThat(error(run).reason()).isEqualTo("the listing would disable 2 of the catalog's 8 "
                + "enabled sources, more than CATALOG_MAX_DISABLE_SHARE 0.2 allows (1): nothing disabled; PATCH /api/syncall?force=true applies it");
        assertThat(Api.call("PATCH", "/api/syncall", "force=yes").status()).isEqualTo(400);

        Api.Answer forced = Api.call("PATCH", "/api/syncall", "force=true");

        assertThat(forced.body().path("data").asText()).isEqualTo("6 upserted");
        assertThat(enabled()).isEqualTo(6);
        assertThat(source(107).getBoolean("enabled")).isFalse();
    }

    @Test
    void newSourcesBeyondTheLimitAreNotCreatedOnceTheCatalogOwnsSources() {
        listSources(8); // the first import is not limited
        assertThat(Api.syncall().body().path("data").asText()).isEqualTo("8 upserted");
        drain(ORDERS);
        listSources(15); // 7 new, CATALOG_MAX_NEW_SOURCES=5

        JsonNode refused = Api.syncall().body();

        assertThat(refused.toString()).matches(String.format(REFUSED, "new_sources_limit"));
        assertThat(sources()).isEqualTo(13);
        assertThat(source(114)).isNull();
        assertThat(drain(ORDERS)).hasSize(5);
        Document run = latestRun();
        assertThat(run.getString("status")).isEqualTo("refused");
        assertThat(run.get("counts", Document.class)).containsEntry("inserted", 5).containsEntry("notCreated", 2);
        assertThat(run.getList("skipped", Document.class)).extracting(d -> d.get("source_id") + " " + d.get("reason"))
                .containsExactly("114 new_sources_limit", "115 new_sources_limit");

        assertThat(Api.call("PATCH", "/api/syncall", "force=true").body().path("data").asText()).isEqualTo("15 upserted");
        assertThat(sources()).isEqualTo(15);
    }

    @Test
    void anItemOverTheSizeLimitIsNotStored() {
        listSources(2);
        catalog.items.get(1).put("description", "x".repeat(20_000));

        assertThat(Api.syncall().body().path("data").asText()).isEqualTo("1 upserted");

        assertThat(source(102)).isNull();
        Document skipped = onlyRun().getList("skipped", Document.class).get(0);
        assertThat(skipped.getString("reason")).isEqualTo("invalid");
        assertThat(skipped.getString("detail")).matches("the item is 20\\d\\d\\d bytes, more than 16384 \\(CATALOG_MAX_ITEM_BYTES\\)");
    }

    @Test
    void aPageWithMoreItemsThanTheLimitIsRefusedWholeAndStoresNothing() {
        listSources(60);
        catalog.pageSize = 60;

        assertThat(Api.syncall().body().toString()).matches(String.format(REFUSED, "page_too_large"));

        assertThat(sources()).isZero();
        assertThat(error(onlyRun()).reason()).isEqualTo("page 1 holds 60 items, more than 50 (CATALOG_MAX_PAGE_ITEMS)");
    }

    @Test
    void aPageOverTheByteLimitIsRefusedAsTooLarge() {
        listSources(10);
        catalog.pageSize = 10;
        catalog.items.forEach(item -> item.put("description", "y".repeat(8_000))); // 80 KB, CATALOG_MAX_PAGE_BYTES 64 KiB here

        assertThat(reason(Api.syncall().body())).isEqualTo("page_too_large");

        assertThat(sources()).isZero();
        assertThat(error(onlyRun()).reason()).endsWith("(CATALOG_MAX_PAGE_BYTES)");
    }

    private long enabled() {
        return db.getCollection("sources").countDocuments(new Document("enabled", true));
    }

    private Document latestRun() {
        List<Document> runs = db.getCollection("catalog_sync_runs").find().sort(new Document("startedAt", -1)).limit(1).into(new ArrayList<>());
        return runs.get(0);
    }
}
