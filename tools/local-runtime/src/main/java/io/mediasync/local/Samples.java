package io.mediasync.local;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The sample images bundled with the runtime (src/main/resources/demo): the demos serve them, the local image
 * server serves them under {@code /samples/} (what a public order names:
 * {@code --image-url http://127.0.0.1:9001/samples/channel-cover.jpg}), and every stack has them in its content
 * bucket under {@code content/samples/}, where orders the system makes itself read them as {@code s3://…}.
 */
public final class Samples {

    public static final List<String> NAMES = List.of("channel-cover.jpg", "itunes-square.jpg", "logo-alpha.png");
    static final String PREFIX = "content/samples/"; // under the content root: S3_SOURCES lets the resizer read there

    private Samples() {
    }

    public static byte[] bytes(String name) throws IOException {
        try (InputStream in = Samples.class.getClassLoader().getResourceAsStream("demo/" + name)) {
            if (in == null) {
                throw new IOException("bundled sample " + name + " missing");
            }
            return in.readAllBytes();
        }
    }

    public static String contentType(String name) {
        return name.endsWith(".png") ? "image/png" : "image/jpeg";
    }

    /** Puts the samples in the bucket (again: they are the same bytes every time). */
    public static void upload(S3Client s3, String bucket) throws IOException {
        for (String name : NAMES) {
            byte[] bytes = bytes(name);
            s3.putObject(b -> b.bucket(bucket).key(PREFIX + name).contentType(contentType(name)), RequestBody.fromBytes(bytes));
        }
    }
}
