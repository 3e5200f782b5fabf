package io.mediasync.local.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The peak used heap of another JVM (a function process), sampled with the JDK's {@code jstat -gc <pid> 100}:
 * survivor + eden + old generation in use, every 100 ms, and the old generation's peak. Used heap includes garbage
 * not yet collected (eden fills up to its size before each young collection), so it is an upper bound; the old
 * generation holds what survived young collections, closer to what the work keeps.
 */
public final class HeapSampler implements AutoCloseable {

    private final AtomicLong peakKb = new AtomicLong(-1);
    private final AtomicLong peakOldKb = new AtomicLong(-1);
    private final Thread thread;
    private volatile Process jstat;
    private volatile boolean stopped;

    /** @param pid the process to watch, once it exists (polled until it does) */
    public HeapSampler(Supplier<OptionalLong> pid) {
        thread = new Thread(() -> sample(pid), "heap-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    private void sample(Supplier<OptionalLong> pid) {
        try {
            OptionalLong id = pid.get();
            while (id.isEmpty() && !stopped) {
                Thread.sleep(50);
                id = pid.get();
            }
            if (stopped) {
                return;
            }
            jstat = new ProcessBuilder("jstat", "-gc", Long.toString(id.getAsLong()), "100").redirectErrorStream(true).start();
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(jstat.getInputStream(), StandardCharsets.UTF_8))) {
                String header = lines.readLine();
                if (header == null) {
                    return;
                }
                String[] names = header.trim().split("\\s+");
                for (String line = lines.readLine(); line != null && !stopped; line = lines.readLine()) {
                    String[] values = line.trim().split("\\s+");
                    double used = 0;
                    for (int i = 0; i < names.length && i < values.length; i++) {
                        if (names[i].equals("S0U") || names[i].equals("S1U") || names[i].equals("EU") || names[i].equals("OU")) {
                            used += Double.parseDouble(values[i]);
                        }
                        if (names[i].equals("OU")) {
                            peakOldKb.accumulateAndGet((long) Double.parseDouble(values[i]), Math::max);
                        }
                    }
                    peakKb.accumulateAndGet((long) used, Math::max);
                }
            }
        } catch (IOException | NumberFormatException e) {
            // no jstat (a JRE), or the process ended: the peak stays unknown (-1) or what was seen
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The peak in MB, or -1 when nothing could be sampled. */
    public double peakMb() {
        return mb(peakKb.get());
    }

    /** The peak of the old generation in MB (what survived young collections: closer to what the work holds), or -1. */
    public double peakOldMb() {
        return mb(peakOldKb.get());
    }

    private static double mb(long kb) {
        return kb < 0 ? -1 : kb / 1024.0;
    }

    @Override
    public void close() {
        stopped = true;
        if (jstat != null) {
            jstat.destroy();
        }
    }
}
