package io.mediasync.local.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.lang.reflect.Constructor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine;

/**
 * The picocli tree of {@code ./mediasync}'s Java commands, run with one command's streams and environment. Every
 * command gets {@code -h/--help} (generated usage, exit 0, nothing started); a wrong argument is one line and exit 2.
 */
public final class Cli {

    /** What a command reads and writes: given to each command's constructor, so tests run them in-process. */
    public record Io(Map<String, String> env, InputStream in, PrintStream out, PrintStream err) {
    }

    private Cli() {
    }

    /** Runs {@code args} (the command's name first) and answers its exit status. */
    public static int run(Io io, String... args) {
        CommandLine cli = tree(io);
        int status = cli.execute(args);
        cli.getOut().flush();
        cli.getErr().flush();
        return status;
    }

    /** Runs the command {@code name} with {@code args}, for callers that hold the command's own arguments. */
    public static int command(String name, String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        String[] all = new String[args.length + 1];
        all[0] = name;
        System.arraycopy(args, 0, all, 1, args.length);
        return run(new Io(env, InputStream.nullInputStream(), out, err), all);
    }

    /** The whole tree, each command built with {@code io}; {@code -h/--help} added to every one. */
    public static CommandLine tree(Io io) {
        CommandLine cli = new CommandLine(MediasyncCommand.class, factory(io));
        cli.setOut(new PrintWriter(io.out(), true));
        cli.setErr(new PrintWriter(io.err(), true));
        cli.setParameterExceptionHandler(Cli::wrongArguments);
        cli.setExecutionExceptionHandler((e, line, parsed) -> {
            if (e instanceof RunningStacks.Unknown) { // which running stack is meant: for the user to say
                line.getErr().println(topName(line) + ": " + e.getMessage());
                return 2;
            }
            throw e;
        });
        for (CommandLine command : all(cli)) {
            command.getCommandSpec().usageMessage().synopsisHeading("usage: ");
            command.getCommandSpec().addOption(OptionSpec.builder("-h", "--help").usageHelp(true)
                    .description("show this help and exit").build());
        }
        return cli;
    }

    /** The command and every subcommand under it, depth first. */
    public static List<CommandLine> all(CommandLine root) {
        List<CommandLine> all = new ArrayList<>(List.of(root));
        root.getSubcommands().values().forEach(sub -> all.addAll(all(sub)));
        return all;
    }

    /** One line: the command, what is wrong, where the options are listed. */
    private static int wrongArguments(ParameterException e, String[] args) {
        CommandLine line = e.getCommandLine();
        String what = e.getMessage();
        if (e instanceof CommandLine.UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
            String first = u.getUnmatched().get(0);
            what = (first.startsWith("-") ? "unknown option " : "unexpected argument ") + first;
        } else if (e instanceof CommandLine.MissingParameterException m && !m.getMissing().isEmpty()
                && m.getMissing().get(0) instanceof OptionSpec option) {
            what = option.longestName() + " needs a value";
        }
        line.getErr().println(topName(line) + ": " + what + " (" + line.getCommandSpec().qualifiedName() + " --help lists the options)");
        return line.getCommandSpec().exitCodeOnInvalidInput();
    }

    /** The command under the root ({@code dlq} for {@code dlq show}): the prefix of its messages. */
    private static String topName(CommandLine line) {
        CommandLine top = line;
        while (top.getParent() != null && top.getParent().getParent() != null) {
            top = top.getParent();
        }
        return top.getCommandName();
    }

    /** Commands with a constructor taking {@link Io} get it; the others (mixins, option holders) are made as usual. */
    private static CommandLine.IFactory factory(Io io) {
        CommandLine.IFactory plain = CommandLine.defaultFactory();
        return new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                for (Constructor<?> c : type.getDeclaredConstructors()) {
                    if (c.getParameterCount() == 1 && c.getParameterTypes()[0] == Io.class) {
                        c.setAccessible(true);
                        return type.cast(c.newInstance(io));
                    }
                }
                return plain.create(type);
            }
        };
    }
}
