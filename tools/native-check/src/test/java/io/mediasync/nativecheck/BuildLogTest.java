package io.mediasync.nativecheck;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The one-line verdict, from builder output as GraalVM 25.0.2 prints it (abridged). */
class BuildLogTest {

    @Test
    void theReachableMethodsComeFromTheAnalysisSummary() {
        String log = "[2/8] Performing analysis...  [*****]   (99.2s @ 2.98GB)\n"
                + "   19,214 types,  27,787 fields, and  92,066 methods found reachable\n"
                + "    5,551 types,     151 fields, and   4,159 methods registered for reflection\n";

        assertThat(BuildLog.reachableMethods(log)).isEqualTo("92,066");
        assertThat(BuildLog.reachableMethods("no summary")).isEqualTo("?");
    }

    @Test
    void anImageHeapErrorIsNamedWithTheMethodItWasEmbeddedInAndTheCountOfErrors() {
        String log = """
                Fatal error: com.oracle.graal.pointsto.constraints.UnsupportedFeatureException: An object of type 'x.Spi' was found in the image heap.
                This is not allowed for correctness reasons.
                Object was reached by
                  scanning root x.Spi@2fc61df4: x.Spi@2fc61df4 embedded in
                    app.Codecs.reader(Codecs.java:46)
                  parsing method app.Codecs.reader(Codecs.java:41) reachable via the parsing context
                Fatal error: com.oracle.graal.pointsto.constraints.UnsupportedFeatureException: An object of type 'y.Spi' was found in the image heap.
                """;

        assertThat(BuildLog.firstError(log, 1)).isEqualTo("2 errors, the first: Fatal error: UnsupportedFeatureException: An object of "
                + "type 'x.Spi' was found in the image heap. [embedded in app.Codecs.reader(Codecs.java:46)]");
    }

    @Test
    void anUnresolvedMethodIsNamedWithWhereItWasCalledFrom() {
        String log = """
                Error: Unsupported features in 2 methods
                Detailed message:
                Error: Discovered unresolved method during parsing: a.Crypt.close(). This error is reported at image build time.
                Error encountered while parsing a.Client.close(Client.java:118)
                Parsing context:
                   at a.Client.close(Client.java:118)
                Call path from entry point to a.Client.close():
                    at a.Client.close(Client.java:118)
                    at app.Producer.close(Producer.java:40)
                Error: Discovered unresolved method during parsing: b.Netty.builder(). This error is reported at image build time.
                Error: Discovered unresolved method during parsing: a.Crypt.close(). This error is reported at image build time.
                """;

        assertThat(BuildLog.firstError(log, 1)).startsWith("Unsupported features in 2 methods, the first: Error: Discovered unresolved method during parsing: "
                + "a.Crypt.close().").endsWith("[called from a.Client.close(Client.java:118)]");
        assertThat(BuildLog.firstError("killed", 137)).isEqualTo("the builder exited with 137 and no error message");
    }
}
