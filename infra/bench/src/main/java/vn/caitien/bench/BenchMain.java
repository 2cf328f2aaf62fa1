package vn.caitien.bench;

import java.nio.file.Path;

/**
 * {@code ./caitien bench [--size tiny|small|medium|large] [--out docs/benchmarks.md] [--work target/bench] [--only 2,4]}:
 * starts its own embedded stack and services, measures, prints one table and writes it with the
 * machine's description to the output file. {@code --only} runs some measurements (a partial table, for
 * trying a change; the documented table is always a full run).
 */
public final class BenchMain {
    public static void main(String[] args) throws Exception {
        String size = "small";
        Path out = Path.of("docs", "benchmarks.md");
        Path work = Path.of("infra", "bench", "target", "bench");
        java.util.Set<String> only = java.util.Set.of();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--size" -> size = args[++i];
                case "--out" -> out = Path.of(args[++i]);
                case "--work" -> work = Path.of(args[++i]);
                case "--only" -> only = java.util.Set.of(args[++i].split(","));
                default -> {
                    System.err.println("Cách dùng: bench [--size tiny|small|medium|large] [--out docs/benchmarks.md] [--only 1,2,4,5,6]");
                    System.exit(2);
                }
            }
        }
        long started = System.nanoTime();
        Report report = Bench.run(Size.parse(size), work, only);
        System.out.println();
        System.out.println("Máy: " + report.machine);
        System.out.println("Cỡ: " + size + " · " + report.date);
        System.out.println();
        System.out.print(report.table());
        report.notes.forEach(n -> System.out.println("  * " + n));
        report.write(out);
        System.out.printf("%nĐã ghi %s (%.0f s).%n", out.toAbsolutePath(), (System.nanoTime() - started) / 1e9);
        System.exit(0);
    }

    private BenchMain() {
    }
}
