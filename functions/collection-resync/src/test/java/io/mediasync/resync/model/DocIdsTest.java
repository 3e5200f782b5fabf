package io.mediasync.resync.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

class DocIdsTest {

    @Test
    void rowKeysAreReadableAndDistinctAcrossTypes() {
        ObjectId oid = new ObjectId("6650b2f1c2a4e93b8f0e4c01");
        assertThat(DocIds.rowKey("channels", oid)).isEqualTo("channels|{\"$oid\": \"6650b2f1c2a4e93b8f0e4c01\"}");
        assertThat(DocIds.rowKey("channels", "abc")).isEqualTo("channels|\"abc\"");
        assertThat(DocIds.rowKey("channels", 7)).isEqualTo("channels|7");
        assertThat(DocIds.rowKey("channels", "7")).isNotEqualTo(DocIds.rowKey("channels", 7));
        assertThat(DocIds.rowKey("channels", "x")).startsWith(DocIds.firstKey("channels")).isLessThan(DocIds.endKey("channels"));
    }

    @Test
    void canonicalJsonComesBackAsTheSameValue() {
        for (Object id : new Object[] {new ObjectId(), "abc", 7, 7_000_000_000L, 2.5, new Document("a", 1)}) {
            Object back = Document.parse("{\"_id\": " + DocIds.canonicalJson(id) + "}").get("_id");
            assertThat(back).as(String.valueOf(id)).isEqualTo(id);
        }
    }
}
