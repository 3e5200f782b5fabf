package io.mediasync.local.cli;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.mediasync.local.cli.DeadLetterRecords.Summary;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;
import org.bson.types.ObjectId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./mediasync records orders|sources|runs [--id ID] [--status S] [--latest N]}: what the functions recorded,
 * without a MongoDB shell. Orders are {@code resize_orders}; sources {@code sources}; runs the source syncs'
 * {@code sync_runs}, catalog-sync's {@code catalog_sync_runs} and collection-resync's {@code resync_runs}.
 */
@Command(name = "records", description = "The functions' records, newest first: resize_orders; sources; sync, catalog and re-sync runs.")
final class RecordsCommand implements Callable<Integer> {

    static final Map<String, List<String>> KINDS = new LinkedHashMap<>();

    static {
        KINDS.put("orders", List.of("resize_orders"));
        KINDS.put("sources", List.of("sources"));
        KINDS.put("runs", List.of("sync_runs", "catalog_sync_runs", "resync_runs"));
    }

    static final String USAGE = "usage: ./mediasync records orders|sources|runs [--id ID] [--status S] [--latest N]   "
            + "(--aws [--profile P] [--region R], MONGO_URL: the AWS stack's records)";
    private static final JsonWriterSettings JSON = JsonWriterSettings.builder().outputMode(JsonMode.RELAXED).indent(true).build();

    private final Cli.Io io;
    @Parameters(arity = "0..1", paramLabel = "orders|sources|runs", description = "resize_orders; sources; sync, catalog and re-sync runs")
    private String kind;
    @Option(names = "--id", paramLabel = "ID", description = "the record with this id (message, run, order or source id), in full")
    private String id;
    @Option(names = "--status", paramLabel = "S", description = "only the records with this status")
    private String status;
    @Option(names = "--latest", paramLabel = "N", description = "the N newest (default 20)")
    private int latest = 20;
    @Mixin
    private TargetFlags stack;

    RecordsCommand(Cli.Io io) {
        this.io = io;
    }

    static int run(String[] argv, Map<String, String> env, PrintStream out, PrintStream err) {
        return Cli.command("records", argv, env, out, err);
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintStream out = io.out();
        PrintStream err = io.err();
        if (kind == null || !KINDS.containsKey(kind)) {
            err.println(USAGE);
            return 2;
        }
        try (OpsTarget target = OpsTarget.resolve(stack, io.env())) {
            if (target.mongoUrl().isEmpty()) {
                err.println("records: no MongoDB to read: set MONGO_URL (the cluster in the MongoUrlParameter secret) or --mongo-url");
                return 2;
            }
            try (DeadLetterRecords records = new DeadLetterRecords(target.mongoUrl().get(), target.database())) {
                List<Bson> filters = new ArrayList<>();
                if (id != null) {
                    filters.add(byId(id));
                }
                if (status != null) {
                    filters.add(Filters.or(Filters.eq("status", status), Filters.eq("lastSyncStatus", status)));
                }
                Bson filter = filters.isEmpty() ? new Document() : Filters.and(filters);
                int shown = 0;
                for (String collection : KINDS.get(kind)) {
                    MongoCollection<Document> c = records.database().getCollection(collection);
                    for (Document d : c.find(filter).sort(Sorts.descending("updatedAt", "_id")).limit(latest)) {
                        shown++;
                        if (id != null) {
                            out.println(collection + " " + d.toJson(JSON));
                        } else {
                            out.println(line(collection, d));
                        }
                    }
                }
                if (shown == 0) {
                    out.println("no " + kind + " records" + (filters.isEmpty() ? "" : " match") + " in " + target.where());
                }
                return 0;
            }
        } catch (java.io.IOException | IllegalArgumentException e) {
            err.println("records: " + e.getMessage());
            return 1;
        }
    }

    /** The record's own id (a message id, run id, ObjectId or number), an order's orderId, a re-sync row's or message's runId, or a source's source_id. */
    static Bson byId(String id) {
        List<Bson> any = new ArrayList<>(List.of(Filters.eq("_id", id), Filters.eq("orderId", id), Filters.eq("runId", id)));
        if (ObjectId.isValid(id)) {
            any.add(Filters.eq("_id", new ObjectId(id)));
        }
        try {
            long n = Long.parseLong(id);
            any.addAll(List.of(Filters.eq("_id", n), Filters.eq("source_id", n), Filters.eq("source_id", (int) n)));
        } catch (NumberFormatException e) {
            // not a number
        }
        return Filters.or(any);
    }

    private static String line(String collection, Document d) {
        Summary s = DeadLetterRecords.summarize(d);
        Object what = first(d, "orderId", "url", "trigger", "source_id");
        return String.format("%-17s %-38s %-14s %-20s  %s%s", collection, s.id(), s.status(), d.get("updatedAt") == null ? "-" : DeadLetterRecords.when(d.get("updatedAt")),
                s.code() == null ? "" : s.code() + (s.reason() == null ? "" : ": " + s.reason()) + "  ",
                what == null ? "" : what.toString());
    }

    private static Object first(Document d, String... names) {
        for (String n : names) {
            if (d.get(n) != null) {
                return n + "=" + d.get(n);
            }
        }
        return null;
    }
}
