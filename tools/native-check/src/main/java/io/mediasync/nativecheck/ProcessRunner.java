package io.mediasync.nativecheck;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** Runs the small setup commands (cp, cc, javap, java): their output, or an error naming the step and what it printed. */
final class ProcessRunner {

    void run(List<String> command, Path directory, String step) throws IOException, InterruptedException {
        output(command, directory, step);
    }

    String output(List<String> command, Path directory, String step) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IOException("cannot " + step + ": " + command.get(0) + " could not be started (" + e.getMessage() + ")", e);
        }
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int status = process.waitFor();
        if (status != 0) {
            String tail = output.length() > 2000 ? output.substring(output.length() - 2000) : output;
            throw new IOException("cannot " + step + " (" + String.join(" ", command) + " exited with " + status + "): " + tail.strip());
        }
        return output;
    }
}
