package vn.caitien.bench;

import vn.caitien.infra.synthetic.SyntheticData;

import java.util.Locale;

/**
 * How big a run is. {@code tiny} is the smoke test's; {@code large} is what issue 7 asks for (≈ 1,000,000
 * events replayed, 10,000,000 events in the large store, 1,000 schools in the province dashboard).
 *
 * @param schools         schools with a plan of the year injected as events (rebuild and office data)
 * @param officeSchools   of which in the province the office figures are measured on
 * @param minProgress     progress records per item over the year, fewest
 * @param maxProgress     and most
 * @param httpPlans       plans created through the API for the command load (16 clients share them)
 * @param httpCommands    RecordProgress commands sent by the 16 clients
 * @param baselineRows    event rows per raw-JDBC append measurement
 * @param largeStore      rows bulk-loaded into the store before the second append measurement
 * @param officeRepeats   requests per office measurement
 */
record Size(String name, int schools, int officeSchools, int minProgress, int maxProgress, int httpPlans,
            int httpCommands, int baselineRows, long largeStore, int officeRepeats) {
    static final int CLIENTS = 16;

    static Size parse(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "tiny" -> new Size("tiny", 6, 4, 1, 2, 16, 96, 480, 5_000, 3);
            case "small" -> new Size("small", 60, 50, 6, 20, 32, 1_000, 4_000, 200_000, 10);
            case "medium" -> new Size("medium", 200, 160, 8, 30, 48, 4_000, 8_000, 1_000_000, 20);
            case "large" -> new Size("large", 3_600, 1_000, 8, 30, 64, 20_000, 32_000, 10_000_000, 30);
            default -> throw new IllegalArgumentException("--size tiny|small|medium|large, not " + name);
        };
    }

    SyntheticData data(long seed) {
        return new SyntheticData(seed, schools, officeSchools, minProgress, maxProgress);
    }
}
