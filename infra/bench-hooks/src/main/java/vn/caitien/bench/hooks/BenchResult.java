package vn.caitien.bench.hooks;

import java.util.List;

/**
 * What an in-process run measured: commands sent, accepted and refused, the wall time from the first to the
 * last, accepted commands per second, and the latency of accepted commands at the gateway (p50, p99;
 * absent when none was accepted). {@code firstRefusals} names the first few refusals. {@code cpuMsPerCommand}
 * is the CPU time of the sending threads per command: plan-service's own work on it (PostgreSQL's is not in it).
 */
public record BenchResult(int commands, int accepted, int refused, double seconds, double perSecond, Double p50Ms,
                          Double p99Ms, List<String> firstRefusals, double cpuMsPerCommand) {
}
