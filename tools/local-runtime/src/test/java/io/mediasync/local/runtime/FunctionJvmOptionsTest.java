package io.mediasync.local.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A function JVM starts with Lambda's java17/java21 flags, and JAVA_TOOL_OPTIONS of its own overrides them, as on Lambda. */
class FunctionJvmOptionsTest {

    @Test
    void lambdasFlagsAloneWhenTheFunctionSetsNone() {
        assertThat(FunctionProcess.javaToolOptions(null)).isEqualTo("-XX:+UseSerialGC -XX:+TieredCompilation -XX:TieredStopAtLevel=1");
    }

    @Test
    void theFunctionsOwnOptionsComeLastSoTheyWin() {
        assertThat(FunctionProcess.javaToolOptions("-XX:TieredStopAtLevel=4"))
                .isEqualTo("-XX:+UseSerialGC -XX:+TieredCompilation -XX:TieredStopAtLevel=1 -XX:TieredStopAtLevel=4");
    }
}
