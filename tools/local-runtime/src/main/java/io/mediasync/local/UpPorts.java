package io.mediasync.local;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.Map;

/** The ports {@code up} is asked to listen on, checked before anything starts: one in use ends {@code up} at once, with one line. */
public final class UpPorts {

    private UpPorts() {
    }

    /** The line saying which port is taken and the way out; null when every asked port is free (0 = any, always free). */
    public static String busy(LocalOptions o) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("SQS, --sqs-port", o.sqsPort());
        ports.put("S3, --s3-port", o.s3Port());
        ports.put("MongoDB, --mongo-port", o.mongoPort());
        ports.put("HTTP API, --http-port", o.httpPort());
        o.imagesPort().ifPresent(p -> ports.put("images, --images-port", p)); // not asked for: a taken 9001 falls back to a free port
        for (var entry : ports.entrySet()) {
            int port = entry.getValue();
            if (port != 0 && inUse(port)) {
                String flag = entry.getKey().substring(entry.getKey().indexOf("--"));
                return "port " + port + " (" + entry.getKey() + ") on 127.0.0.1 is in use: another ./mediasync up? (./mediasync status "
                        + "--http-port N finds a stack; ss -ltnp 'sport = :" + port + "' names the process) Stop it, or choose another port: "
                        + flag + " N";
            }
        }
        return null;
    }

    static boolean inUse(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", port));
            return false;
        } catch (IOException e) {
            return true;
        }
    }
}
