package io.mediasync.local;

import io.mediasync.local.servers.ImageServer;
import io.mediasync.testsupport.AwsClients;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.Optional;
import software.amazon.awssdk.services.s3.S3Client;

/** The demos' check that a result URL opens, as a browser would open it, and what the demos say about where things are. */
public final class ResultUrls implements AutoCloseable {

    private final LocalCloud cloud;
    private final S3Client s3;
    private final HttpClient http = HttpClient.newHttpClient();

    public ResultUrls(LocalCloud cloud) {
        this.cloud = cloud;
        this.s3 = AwsClients.s3(cloud.endpoints());
    }

    /**
     * Empty when the URL answers 200 with exactly the bytes stored under its key, with the content type its extension
     * names (.jpeg image/jpeg, .webp image/webp); else what is wrong.
     */
    public Optional<String> check(String url) throws IOException, InterruptedException {
        if (!url.startsWith(cloud.imagesUrl() + "/")) {
            return Optional.of(url + " is not under the stack's images URL " + cloud.imagesUrl());
        }
        byte[] stored = stored(url);
        HttpResponse<byte[]> answer = http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
        if (answer.statusCode() != 200) {
            return Optional.of(url + " answered " + answer.statusCode());
        }
        String type = answer.headers().firstValue("Content-Type").orElse("none");
        if (!type.equals(ImageServer.contentTypeOf(url, null))) {
            return Optional.of(url + " answered with Content-Type " + type);
        }
        return Arrays.equals(answer.body(), stored) ? Optional.empty() : Optional.of(url + " did not answer the stored bytes");
    }

    /** The bytes stored under the URL's key. */
    public byte[] stored(String url) {
        String key = URI.create(url).getPath().substring(1);
        return s3.getObjectAsBytes(b -> b.bucket(cloud.resizedBucket().orElseThrow()).key(key)).asByteArray();
    }

    /** Where the demo's results, records and logs are, and how to open them after it ended. */
    public static String whereToLook(LocalCloud cloud, LocalOptions options, String records) {
        String up = "./mediasync up --data-dir " + options.dataDir();
        String images = cloud.imagesFellBack()
                ? "the URLs above answered while the demo ran (" + ImageServer.DEFAULT_PORT + " was taken); `" + up + "` serves them at "
                        + "http://127.0.0.1:" + ImageServer.DEFAULT_PORT + "/images-resized/…"
                : "the URLs above; after the demo `" + up + "` serves them again at the same URLs";
        return "Where to look (kept in " + options.dataDir() + " after the demo):\n"
                + "  images   " + images + " (as files: " + options.dataDir().resolve("state/s3/" + cloud.resizedBucket().orElse("?"))
                + "/images-resized/)\n"
                + "  records  " + records + ": `" + up + "`, then `eval \"$(./mediasync env)\"` and any MongoDB client on $MONGO_URL\n"
                + "  logs     " + options.dataDir().resolve("logs") + "/ (one file per function)";
    }

    @Override
    public void close() {
        s3.close();
    }
}
