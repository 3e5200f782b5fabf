package io.mediasync.common.metrics;

import java.util.Optional;

/** Which name the {@code Function} dimension carries: the first of these that is set. */
final class FunctionName {

    private FunctionName() {
    }

    static String resolve(String lambdaFunctionName, String handlerVariable, Optional<String> handlerConfig) {
        if (present(lambdaFunctionName)) {
            return lambdaFunctionName;
        }
        if (present(handlerVariable)) {
            return handlerVariable;
        }
        return handlerConfig.filter(FunctionName::present).orElse("unknown");
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}
