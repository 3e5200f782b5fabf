package io.mediasync.local.bench;

/**
 * Lambda's published on-demand price for one architecture (aws.amazon.com/lambda/pricing, US East (N. Virginia), the
 * first tier of 6 billion GB-seconds a month), and the CPU share that comes with memory: Lambda gives a function one
 * vCPU's worth of time at 1,769 MB and shares out CPU in proportion to memory below that.
 */
record LambdaPrice(String architecture, double perGbSecond, double perMillionRequests) {

    static final LambdaPrice X86_64 = new LambdaPrice("x86_64", 0.0000166667, 0.20);

    /** The memory at which a function gets a whole vCPU (AWS Lambda developer guide, "Memory and computing power"). */
    static final int ONE_VCPU_MB = 1769;

    /** How much longer single-threaded CPU work takes at {@code memoryMb} than on one whole core. */
    static double cpuStretch(int memoryMb) {
        return Math.max(1.0, (double) ONE_VCPU_MB / memoryMb);
    }

    /** Dollars for a million invocations billed {@code billedMs} each (rounded up to the millisecond, as Lambda bills). */
    double perMillion(double billedMs, int memoryMb) {
        double gbSeconds = Math.ceil(billedMs) / 1000.0 * memoryMb / 1024.0;
        return 1_000_000 * gbSeconds * perGbSecond + perMillionRequests;
    }
}
