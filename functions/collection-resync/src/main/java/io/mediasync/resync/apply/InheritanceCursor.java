package io.mediasync.resync.apply;

import io.mediasync.common.mongo.StoredNumber;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.bson.Document;

/**
 * Where a walk that passes a document's images on to the documents that show them stands: a stack of frames, one
 * per document whose children are being written (the applied one at the bottom, a child with children of its own
 * above it), each at a relation and after a child id, with the ids of the page just written still to descend into.
 * Kept as a document ({@link #toDocument()}) so the walk goes on where it stopped, in another invocation.
 */
public final class InheritanceCursor {

    /** One document whose children are being written. {@code only}: the one child to write (execute), if set. */
    static final class Frame {
        final String collection;
        final Object parent;
        final boolean restricted;
        final Object only;
        int relation;
        boolean started;
        Object after;
        final List<Object> descend = new ArrayList<>();

        Frame(String collection, Object parent, boolean restricted, Object only) {
            this.collection = collection;
            this.parent = parent;
            this.restricted = restricted;
            this.only = only;
        }
    }

    private final Deque<Frame> frames = new ArrayDeque<>();
    private long pages;

    private InheritanceCursor() {
    }

    /** A walk over every child of the document (and theirs in turn). */
    public static InheritanceCursor from(String collection, Object parentId) {
        InheritanceCursor cursor = new InheritanceCursor();
        cursor.frames.push(new Frame(collection, parentId, false, null));
        return cursor;
    }

    /** A walk over one child of the document (and its children). */
    public static InheritanceCursor onlyChild(String collection, Object parentId, Object childId) {
        InheritanceCursor cursor = new InheritanceCursor();
        cursor.frames.push(new Frame(collection, parentId, true, childId));
        return cursor;
    }

    public boolean done() {
        return frames.isEmpty();
    }

    /** Pages of children written so far by this walk. */
    public long pages() {
        return pages;
    }

    Frame top() {
        return frames.peek();
    }

    void push(String collection, Object parentId) {
        frames.push(new Frame(collection, parentId, false, null));
    }

    void pop() {
        frames.pop();
    }

    void pageWritten(Frame frame, Object lastId, List<Object> toDescend) {
        frame.started = true;
        frame.after = lastId;
        frame.descend.addAll(toDescend);
        pages++;
    }

    void nextRelation(Frame frame) {
        frame.relation++;
        frame.started = false;
        frame.after = null;
    }

    public Document toDocument() {
        List<Document> stack = new ArrayList<>();
        frames.descendingIterator().forEachRemaining(f -> { // bottom first
            Document d = new Document("collection", f.collection).append("parent", f.parent).append("relation", f.relation);
            if (f.restricted) {
                d.append("only", f.only);
            }
            if (f.started) {
                d.append("after", f.after);
            }
            stack.add(d.append("descend", new ArrayList<>(f.descend)));
        });
        return new Document("frames", stack).append("pages", pages);
    }

    public static InheritanceCursor of(Document saved) {
        InheritanceCursor cursor = new InheritanceCursor();
        for (Document d : saved.getList("frames", Document.class)) {
            Frame f = new Frame(d.getString("collection"), d.get("parent"), d.containsKey("only"), d.get("only"));
            f.relation = d.getInteger("relation", 0);
            f.started = d.containsKey("after");
            f.after = d.get("after");
            f.descend.addAll(d.getList("descend", Object.class, List.of()));
            cursor.frames.push(f);
        }
        cursor.pages = StoredNumber.asLong(saved.get("pages"), 0);
        return cursor;
    }
}
