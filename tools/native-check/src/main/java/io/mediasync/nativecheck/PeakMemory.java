package io.mediasync.nativecheck;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The peak resident memory of a running process, from Linux's {@code VmHWM} (a high-water mark, so the last
 * reading before the process ends is its peak within one polling interval). Zero where /proc is not there.
 */
final class PeakMemory {

    private final Thread poller;
    private volatile long peakBytes;

    private PeakMemory(Process process) {
        Path status = Path.of("/proc", Long.toString(process.pid()), "status");
        poller = new Thread(() -> {
            while (process.isAlive()) {
                read(status);
                try {
                    Thread.sleep(500); // a polling interval, not a wait for an event: VmHWM never decreases
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "native-check-peak-memory");
        poller.setDaemon(true);
    }

    static PeakMemory watch(Process process) {
        PeakMemory memory = new PeakMemory(process);
        memory.poller.start();
        return memory;
    }

    long stop() throws InterruptedException {
        poller.interrupt();
        poller.join();
        return peakBytes;
    }

    private void read(Path status) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmHWM:")) {
                    long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
                    peakBytes = Math.max(peakBytes, kb * 1024);
                }
            }
        } catch (IOException | NumberFormatException e) {
            // the process ended between isAlive() and the read, or there is no /proc: keep the last reading
        }
    }
}
