package io.mediasync.local.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.mediasync.local.bench.OrderCostBenchmark.Order;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrderCostReportTest {

    @Test
    void a_million_one_second_orders_at_one_gigabyte_cost_a_million_gb_seconds_and_a_million_requests() {
        // 1e6 x 1 s x 1 GB x $0.0000166667 + $0.20
        assertThat(LambdaPrice.X86_64.perMillion(1000, 1024)).isCloseTo(16.8667, within(1e-4));
        // Lambda bills whole milliseconds: 999.2 ms is billed as 1000
        assertThat(LambdaPrice.X86_64.perMillion(999.2, 1024)).isCloseTo(16.8667, within(1e-4));
    }

    @Test
    void below_1769_mb_cpu_work_is_stretched_by_the_missing_share_of_a_vcpu() {
        assertThat(LambdaPrice.cpuStretch(1024)).isCloseTo(1769 / 1024.0, within(1e-9));
        assertThat(LambdaPrice.cpuStretch(1769)).isEqualTo(1.0);
        assertThat(LambdaPrice.cpuStretch(3008)).as("a second core does not speed up one thread").isEqualTo(1.0);
    }

    @Test
    void a_row_holds_the_medians_the_share_outside_the_resize_and_the_stretched_estimate() {
        List<Order> orders = List.of(new Order(100, 95, 10, 60, 20), new Order(200, 190, 30, 100, 40),
                new Order(120, 112, 20, 80, 10));

        String row = OrderCostReport.row("photo.jpg", orders, 1024, LambdaPrice.X86_64);

        // medians: billed 120, process 80, download 20, upload 20, records (5, 20, 2) -> 5, edges (5, 10, 8) -> 8,
        // outside the resize (0.4, 0.5, 0.333) -> 40 %;
        // at 1024 MB: 120 + 80 x (1769/1024 - 1) = 178.2 -> billed 179 ms: 1e6 x 0.179 s x 1 GB x 0.0000166667 + 0.20 = 3.18
        assertThat(row).isEqualTo("| photo.jpg | 3 | 120 | 80 | 20 | 20 | 5 | 8 | 40 % | 178 | 3.18 |");
    }
}
