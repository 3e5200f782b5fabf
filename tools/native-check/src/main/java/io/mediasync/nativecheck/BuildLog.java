package io.mediasync.nativecheck;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the check reads from the builder's output: the count of reachable methods and the first error. */
final class BuildLog {

    private static final Pattern REACHABLE_METHODS = Pattern.compile("([\\d,]+) methods found reachable");
    private static final Pattern ERROR = Pattern.compile("^(Error|Fatal error): .*");
    private static final Pattern EXCEPTION_PACKAGE = Pattern.compile("^(Error|Fatal error): ([a-z][\\w]*\\.)+(?=[A-Z])");
    private static final Pattern SUMMARY = Pattern.compile("^Error: Unsupported features in \\d+ methods?$");
    private static final int MESSAGE_LIMIT = 600;

    private BuildLog() {
    }

    static String reachableMethods(String log) {
        Matcher m = REACHABLE_METHODS.matcher(log);
        return m.find() ? m.group(1) : "?";
    }

    /**
     * The builder's first error on one line: its message, where the builder found it (the method an object was
     * embedded in, or the first frame of the call path), and how many distinct errors there were in all.
     */
    static String firstError(String log, int exitStatus) {
        List<String> lines = log.lines().toList();
        List<Integer> errors = new ArrayList<>();
        Set<String> distinct = new LinkedHashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            if (ERROR.matcher(lines.get(i)).matches() && distinct.add(lines.get(i))) {
                errors.add(i);
            }
        }
        if (errors.isEmpty()) {
            return "the builder exited with " + exitStatus + " and no error message";
        }
        String header = "";
        int first = errors.get(0);
        if (SUMMARY.matcher(lines.get(first)).matches() && errors.size() > 1) {
            // "Unsupported features in N methods" only announces the errors that follow it
            header = lines.get(first).substring(lines.get(first).indexOf(' ') + 1) + ", the first: ";
            first = errors.get(1);
        } else if (errors.size() > 1) {
            header = errors.size() + " errors, the first: ";
        }
        String message = EXCEPTION_PACKAGE.matcher(lines.get(first)).replaceFirst("$1: ");
        if (message.length() > MESSAGE_LIMIT) {
            message = message.substring(0, MESSAGE_LIMIT) + "…";
        }
        String where = where(lines, first + 1);
        return header + message + (where.isEmpty() ? "" : " [" + where + "]");
    }

    private static String where(List<String> lines, int from) {
        for (int i = from; i < lines.size() - 1 && !ERROR.matcher(lines.get(i)).matches(); i++) {
            String line = lines.get(i);
            if (line.trim().endsWith(" embedded in")) {
                return "embedded in " + lines.get(i + 1).trim();
            }
            if (line.startsWith("Call path from entry point")) {
                return "called from " + lines.get(i + 1).trim().replaceFirst("^at ", "");
            }
        }
        return "";
    }
}
