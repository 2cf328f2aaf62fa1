package vn.caitien.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Test data lives under target/ (not /tmp) and is wiped by {@code mvn clean}. */
final class TestDirectories {

    private static final Path ROOT = Path.of("target", "test-data").toAbsolutePath();

    /** Unpacked once and shared by every test in the module. */
    static final Path POSTGRES_BINARIES = ROOT.resolve("postgres-binaries");

    private TestDirectories() {
    }

    static Path fresh(String name) {
        try {
            return Files.createDirectories(ROOT.resolve(name + "-" + System.nanoTime()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
