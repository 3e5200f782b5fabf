package io.mediasync.common.mongo;

import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoCollection;
import java.util.function.Function;
import org.bson.BsonReader;
import org.bson.BsonWriter;
import org.bson.Document;
import org.bson.codecs.Codec;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.EncoderContext;
import org.bson.codecs.configuration.CodecRegistries;

/**
 * The codec of a record the system stores, in the Quarkus quickstarts' {@code FruitCodec} shape: the record says how
 * it is read from (and written to) a {@link Document}, so its stored field names live in its own file, and this turns
 * that into the driver's {@link Codec} so a collection hands out the record ({@link #typed}). Written by hand rather
 * than left to the driver's reflective record codec: the stored names mix the seeds' snake_case with the system's
 * camelCase and statuses are lower-case strings, and a native image needs no reflection metadata for it.
 */
public final class RecordCodec<T> implements Codec<T> {

    private static final Codec<Document> DOCUMENTS = MongoClientSettings.getDefaultCodecRegistry().get(Document.class);

    private final Class<T> type;
    private final Function<Document, T> read;
    private final Function<T, Document> write;

    private RecordCodec(Class<T> type, Function<Document, T> read, Function<T, Document> write) {
        this.type = type;
        this.read = read;
        this.write = write;
    }

    /** A record read from and inserted as a whole document. */
    public static <T> RecordCodec<T> of(Class<T> type, Function<Document, T> read, Function<T, Document> write) {
        return new RecordCodec<>(type, read, write);
    }

    /** A record only read this way: it is written field by field (atomic updates), never inserted whole. */
    public static <T> RecordCodec<T> readOnly(Class<T> type, Function<Document, T> read) {
        return new RecordCodec<>(type, read, value -> {
            throw new UnsupportedOperationException(type.getSimpleName() + " is written field by field, not inserted whole");
        });
    }

    /** {@code collection}, handing out (and taking) this record instead of documents. */
    public MongoCollection<T> typed(MongoCollection<?> collection) {
        return collection.withDocumentClass(type)
                .withCodecRegistry(CodecRegistries.fromRegistries(CodecRegistries.fromCodecs(this), collection.getCodecRegistry()));
    }

    @Override
    public T decode(BsonReader reader, DecoderContext context) {
        return read.apply(DOCUMENTS.decode(reader, context));
    }

    @Override
    public void encode(BsonWriter writer, T value, EncoderContext context) {
        DOCUMENTS.encode(writer, write.apply(value), context);
    }

    @Override
    public Class<T> getEncoderClass() {
        return type;
    }
}
