package io.mediasync.common.mongo;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import java.util.Map;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Stored fields renamed in place when a version changed a record's names, so records written before the upgrade
 * are read (and matched by filters) under the new names. Matches only documents that still hold an old name, so it
 * is cheap once done and safe to run at every start; a document holding both names keeps the old one's value.
 */
public final class FieldRenames {

    private FieldRenames() {
    }

    /** @param oldToNew dotted paths allowed; @return how many documents were renamed */
    public static long apply(MongoCollection<Document> collection, Map<String, String> oldToNew) {
        Bson stillOld = Filters.or(oldToNew.keySet().stream().map(Filters::exists).toList());
        Document rename = new Document();
        oldToNew.forEach(rename::append);
        return collection.updateMany(stillOld, new Document("$rename", rename)).getModifiedCount();
    }
}
