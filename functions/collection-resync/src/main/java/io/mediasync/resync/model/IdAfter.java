package io.mediasync.resync.model;

import com.mongodb.client.model.Filters;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.BsonTimestamp;
import org.bson.BsonType;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.MaxKey;
import org.bson.types.MinKey;
import org.bson.types.ObjectId;

/**
 * "Every {@code _id} after this one in sort order", for resuming a scan sorted by {@code _id} when ids of several
 * BSON types share a collection. MongoDB sorts across types (numbers, then strings, objects, binary, ObjectIds,
 * booleans, dates…) but {@code $gt} only compares within a type bracket, so the filter is {@code $gt} within the
 * id's bracket or any bracket sorted after it. Hand-written because no driver helper does this.
 */
public final class IdAfter {

    /**
     * MongoDB's sort order of the types an _id can have (arrays cannot), one bracket per entry. The deprecated
     * symbol type, which shares the string bracket, is left out: no current driver writes it.
     */
    private static final List<List<BsonType>> BRACKETS = List.of(
            List.of(BsonType.MIN_KEY),
            List.of(BsonType.NULL),
            List.of(BsonType.INT32, BsonType.INT64, BsonType.DOUBLE, BsonType.DECIMAL128),
            List.of(BsonType.STRING),
            List.of(BsonType.DOCUMENT),
            List.of(BsonType.BINARY),
            List.of(BsonType.OBJECT_ID),
            List.of(BsonType.BOOLEAN),
            List.of(BsonType.DATE_TIME),
            List.of(BsonType.TIMESTAMP),
            List.of(BsonType.REGULAR_EXPRESSION),
            List.of(BsonType.MAX_KEY));

    private IdAfter() {
    }

    public static Bson after(String field, Object value) {
        int bracket = bracketOf(value);
        return orIn(field, Filters.gt(field, value), bracket + 1, BRACKETS.size());
    }

    /** "Every {@code _id} up to this one, itself included, in sort order": the end of a page read by {@link #after}. */
    public static Bson upTo(String field, Object value) {
        return orIn(field, Filters.lte(field, value), 0, bracketOf(value));
    }

    /** {@code sameBracket}, or any value of a type in the brackets from {@code from} (included) to {@code to}. */
    private static Bson orIn(String field, Bson sameBracket, int from, int to) {
        List<Integer> types = new ArrayList<>();
        for (int i = from; i < to; i++) {
            BRACKETS.get(i).forEach(t -> types.add(t == BsonType.MIN_KEY ? -1 : t.getValue())); // $type's code for MinKey
        }
        return types.isEmpty() ? sameBracket : Filters.or(sameBracket, new Document(field, new Document("$type", types)));
    }

    static int bracketOf(Object value) {
        BsonType type = typeOf(value);
        for (int i = 0; i < BRACKETS.size(); i++) {
            if (BRACKETS.get(i).contains(type)) {
                return i;
            }
        }
        throw new IllegalArgumentException("an _id cannot be of type " + type);
    }

    /** The Java types the driver decodes each BSON type an _id can have into. */
    private static final Map<Class<?>, BsonType> TYPES = Map.ofEntries(Map.entry(MinKey.class, BsonType.MIN_KEY),
            Map.entry(Integer.class, BsonType.INT32), Map.entry(Long.class, BsonType.INT64), Map.entry(Double.class, BsonType.DOUBLE),
            Map.entry(Decimal128.class, BsonType.DECIMAL128), Map.entry(String.class, BsonType.STRING),
            Map.entry(Document.class, BsonType.DOCUMENT), Map.entry(Binary.class, BsonType.BINARY), Map.entry(UUID.class, BsonType.BINARY),
            Map.entry(ObjectId.class, BsonType.OBJECT_ID), Map.entry(Boolean.class, BsonType.BOOLEAN), Map.entry(Date.class, BsonType.DATE_TIME),
            Map.entry(BsonTimestamp.class, BsonType.TIMESTAMP), Map.entry(MaxKey.class, BsonType.MAX_KEY));

    private static BsonType typeOf(Object value) {
        return value == null ? BsonType.NULL : TYPES.getOrDefault(value.getClass(), BsonType.REGULAR_EXPRESSION);
    }
}
