package io.mediasync.resync.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.mediasync.resync.model.DocIds;
import io.mediasync.resync.model.ImageFields;
import io.mediasync.resync.model.ResyncModel;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.BsonType;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The re-synced collections (channels, episodes, …): reads with only the fields the re-sync looks at, and its
 * writes, each conditioned on the document still holding the image URL it is about, so a newer change wins.
 * On a document the re-sync writes only {@code <field>_info} and {@code image_resync.<field>}.
 */
@ApplicationScoped
public class Documents {

    private final MongoDatabase db;
    private final ResyncModel model;

    public Documents(MongoDatabase db, ResyncModel model) {
        this.db = db;
        this.model = model;
    }

    public MongoCollection<Document> of(String collection) {
        return db.getCollection(model.mongoName(collection));
    }

    /** What the re-sync reads of a document: its image fields, infos, image_resync, updatedAt and parent reference. */
    public Document projection(String collection) {
        Document fields = new Document("updatedAt", 1).append(ImageFields.RESYNC, 1);
        for (String field : ImageFields.ALL) {
            fields.append(field, 1).append(ImageFields.info(field), 1);
        }
        model.parentOf(collection).ifPresent(r -> fields.append(r.referenceField(), 1));
        return fields;
    }

    /** The documents with these ids, by row key (a missing one is gone). */
    public Map<String, Document> byIds(String collection, Collection<Object> ids) {
        Map<String, Document> found = new LinkedHashMap<>();
        if (!ids.isEmpty()) {
            of(collection).find(Filters.in("_id", ids)).projection(projection(collection))
                    .forEach(d -> found.put(DocIds.rowKey(collection, d.get("_id")), d));
        }
        return found;
    }

    public Document byId(String collection, Object id) {
        return of(collection).find(Filters.eq("_id", id)).projection(projection(collection)).first();
    }

    public List<Document> page(String collection, Bson filter, Bson sort, int limit) {
        return of(collection).find(filter).projection(projection(collection)).sort(sort).limit(limit).into(new ArrayList<>());
    }

    /** The resizer's sizes for the URL the field still holds. @return false when the field moved on (not written) */
    public boolean writeDone(String collection, Object id, String field, String url, Document info, Date at) {
        Document entry = ImageFields.Written.done(url, at).toEntry();
        return of(collection).updateOne(Filters.and(Filters.eq("_id", id), Filters.eq(field, url)),
                Updates.combine(Updates.set(ImageFields.info(field), info), Updates.set(ImageFields.resync(field), entry)))
                .getMatchedCount() == 1;
    }

    /** The field's image cannot be resized: why, and no info (an older one showed an image the document no longer has). */
    public boolean writeFailed(String collection, Object id, String field, String url, String code, String reason, Date at) {
        Document entry = ImageFields.Written.failed(url, code, reason, at).toEntry();
        return of(collection).updateOne(Filters.and(Filters.eq("_id", id), Filters.eq(field, url)),
                Updates.combine(Updates.unset(ImageFields.info(field)), Updates.set(ImageFields.resync(field), entry)))
                .getMatchedCount() == 1;
    }

    /** Removes what the re-sync wrote for fields that no longer hold an image (only while they still hold none). */
    public boolean clear(String collection, Object id, List<String> fields) {
        List<Bson> conditions = new ArrayList<>(List.of(Filters.eq("_id", id)));
        List<Bson> unsets = new ArrayList<>();
        for (String field : fields) {
            conditions.add(Filters.nor(hasImage(field)));
            unsets.add(Updates.unset(ImageFields.info(field)));
            unsets.add(Updates.unset(ImageFields.resync(field)));
        }
        boolean cleared = of(collection).updateOne(Filters.and(conditions), Updates.combine(unsets)).getMatchedCount() == 1;
        dropEmptyResync(collection, Filters.eq("_id", id));
        return cleared;
    }

    /** An image_resync left with no field (all its images gone) is removed too. */
    public void dropEmptyResync(String collection, Bson which) {
        of(collection).updateMany(Filters.and(which, Filters.eq(ImageFields.RESYNC, new Document())), Updates.unset(ImageFields.RESYNC));
    }

    /** The field holds an image URL: a non-empty string (what {@code Planner.ownImages} reads as an image). */
    public static Bson hasImage(String field) {
        return Filters.and(Filters.type(field, BsonType.STRING), Filters.ne(field, ""));
    }

    /** No image field holds an image: the document shows its parent's. */
    public static Bson noImages() {
        return Filters.nor(ImageFields.ALL.stream().map(Documents::hasImage).toList());
    }
}
