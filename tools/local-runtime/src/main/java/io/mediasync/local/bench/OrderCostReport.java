package io.mediasync.local.bench;

import io.mediasync.local.bench.OrderCostBenchmark.Order;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/** {@link OrderCostBenchmark}'s table: medians per input, the share outside the resize, and the cost per million orders. */
final class OrderCostReport {

    private OrderCostReport() {
    }

    static String header() {
        return "| input | orders | billed ms here | process | download | upload (S3) | records, redirect, postback | edges "
                + "| outside the resize | est. billed ms at the template's memory | $ per million orders |\n"
                + "|---|---|---|---|---|---|---|---|---|---|---|";
    }

    /**
     * The estimate at the template's memory stretches the process step (single-threaded CPU work) by Lambda's CPU
     * share at that memory and keeps the rest as measured here (waits on loopback servers, which are faster here than
     * S3 and MongoDB in AWS: the rest is a lower bound).
     */
    static String row(String input, List<Order> orders, int memoryMb, LambdaPrice price) {
        if (orders.isEmpty()) {
            return "| " + input + " | 0 | - | - | - | - | - | - | - | - | - |";
        }
        double billed = median(orders, Order::billed);
        double process = median(orders, Order::process);
        double outside = median(orders, o -> o.billed() <= 0 ? 0 : (o.billed() - o.process()) / o.billed());
        double atMemory = billed + process * (LambdaPrice.cpuStretch(memoryMb) - 1);
        return String.format(Locale.ROOT, "| %s | %d | %.0f | %.0f | %.0f | %.0f | %.0f | %.0f | %.0f %% | %.0f | %.2f |", input,
                orders.size(), billed, process, median(orders, Order::download), median(orders, Order::upload),
                median(orders, Order::records), median(orders, Order::edges), 100 * outside, atMemory,
                price.perMillion(atMemory, memoryMb));
    }

    static String footer(int memoryMb, LambdaPrice price) {
        return String.format(Locale.ROOT, "medians per input; %s at %d MB: $%.10f per GB-s, $%.2f per million requests; CPU share "
                + "%.2f of a vCPU (x%.2f on the process step)", price.architecture(), memoryMb, price.perGbSecond(),
                price.perMillionRequests(), Math.min(1.0, memoryMb / (double) LambdaPrice.ONE_VCPU_MB), LambdaPrice.cpuStretch(memoryMb));
    }

    private static double median(List<Order> orders, ToDoubleFunction<Order> value) {
        double[] sorted = orders.stream().mapToDouble(value).sorted().toArray();
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
