package vn.caitien.bench;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The harness end to end at size {@code tiny}: its own stack and services, every measurement, the
 * table written. It checks that every row is there with a number (or says it is not measured); it
 * never judges a figure against a clock, so a busy machine cannot make it fail.
 */
class BenchSmokeTest {
    @Test
    void tinyRunFillsEveryRow() throws Exception {
        Report report = Bench.run(Size.parse("tiny"), Path.of("target", "bench-smoke"), java.util.Set.of());
        Path out = Path.of("target", "benchmarks-smoke.md");
        report.write(out);
        System.out.print(report.table());

        assertThat(report.rows).extracting(Report.Row::id)
                .containsExactly("1", "2", "3", "2b", "4a", "4", "6a", "6b", "5", "5b");
        for (Report.Row row : report.rows) {
            assertThat(row.figure()).as(row.id()).containsPattern("\\d").doesNotContain("NaN")
                    .doesNotContain("not finished").doesNotContain("not measured");
            assertThat(row.met()).isIn("có", "không", "—");
        }
        assertThat(report.rows).filteredOn(r -> r.id().startsWith("2") || r.id().equals("5b"))
                .allMatch(r -> r.figure().contains("commands/s"));
        assertThat(report.notes).as("every read service caught up, no command refused").isEmpty();
        String written = Files.readString(out);
        assertThat(written).contains("nproc", "memory", report.table());
        assertThat(List.of(report.machine)).allMatch(m -> m.contains("nproc"));
    }
}
