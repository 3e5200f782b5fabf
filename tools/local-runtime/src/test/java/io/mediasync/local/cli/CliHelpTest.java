package io.mediasync.local.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code --help} on every command of the tree: generated usage, exit 0, nothing run; a wrong option: one line, exit 2. */
class CliHelpTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void everyCommandPrintsItsUsageOnHelpAndExitsZero() {
        List<CommandLine> commands = Cli.all(Cli.tree(io()));
        assertThat(commands).extracting(CommandLine::getCommandName).contains("up", "demo", "status", "env", "invoke", "trigger",
                "send", "postback-secret", "dlq", "records", "bench", "pipeline", "sync", "catalog", "resync");
        for (CommandLine command : commands) {
            List<String> path = new ArrayList<>();
            for (CommandLine c = command; c.getParent() != null; c = c.getParent()) {
                path.add(0, c.getCommandName());
            }
            for (String help : List.of("--help", "-h")) {
                out.reset();
                err.reset();
                path.add(help);
                int status = Cli.run(io(), path.toArray(String[]::new));
                path.remove(help);

                String name = command.getCommandSpec().qualifiedName();
                assertThat(status).as(name + " " + help + ": " + err.toString(StandardCharsets.UTF_8)).isZero();
                assertThat(out.toString(StandardCharsets.UTF_8)).as(name).startsWith("usage: " + name)
                        .contains("-h, --help").doesNotContain("running; Ctrl-C stops", "==> starting");
                assertThat(err.size()).as(name).isZero();
            }
        }
    }

    @Test
    void anUnknownOptionIsOneLineAndTheUsageExitCode() {
        int status = Cli.run(io(), "up", "--frobnicate");

        assertThat(status).isEqualTo(2).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .isEqualTo("up: unknown option --frobnicate (./mediasync up --help lists the options)\n");
        assertThat(out.size()).isZero();
    }

    @Test
    void aValueOfTheWrongTypeOrAMissingValueIsOneLineToo() {
        assertThat(Cli.run(io(), "bench", "sync", "--items", "many")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("bench: Invalid value for option '--items': 'many' is not an int")
                .doesNotContain("\tat ").hasLineCount(1);
        err.reset();

        assertThat(Cli.run(io(), "send", "--image-url")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("send: --image-url needs a value").hasLineCount(1);
    }

    @Test
    void withoutACommandTheCommandsAreListed() {
        assertThat(Cli.run(io())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("usage: ./mediasync").contains("up", "demo", "dlq", "bench");
    }

    private Cli.Io io() {
        return new Cli.Io(Map.of(), InputStream.nullInputStream(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }
}
