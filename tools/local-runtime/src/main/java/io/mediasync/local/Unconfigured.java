package io.mediasync.local;

import io.mediasync.local.template.StackModel.FunctionDef;
import java.util.List;

/**
 * What a function needs set before it does its work, when the stack leaves it unset: the variable, and the
 * template parameter (or {@code up}'s {@code --parameter}) that sets it. catalog-sync without CATALOG_API_URL
 * answers every run with {@code not_configured}.
 */
public final class Unconfigured {

    private record Need(String handler, String variable, String parameter) {
    }

    private static final List<Need> NEEDS = List.of(new Need("catalog-sync", "CATALOG_API_URL", "CatalogApiUrl"));

    private Unconfigured() {
    }

    /** The variables the function lacks, each with how to set it: {@code CATALOG_API_URL (--parameter CatalogApiUrl=URL)}. */
    public static List<String> of(FunctionDef f) {
        String handler = f.environment().getOrDefault("QUARKUS_LAMBDA_HANDLER", f.handler());
        return NEEDS.stream().filter(n -> handler.equals(n.handler()))
                .filter(n -> f.environment().getOrDefault(n.variable(), "").isBlank())
                .map(n -> n.variable() + " (--parameter " + n.parameter() + "=URL)").toList();
    }
}
