package vn.caitien.infra;

import vn.caitien.api.chain.ChainKeys;

import java.nio.file.Path;

/**
 * The key files of a stack run on this machine ({@link ChainKeys}), all made at once before any service
 * starts, so services never race to create the same file and read it half written.
 */
public final class InstallationKeys {
    /** Environment variable (and system property {@code caitien.keys.dir}) naming the keys directory. */
    public static final String ENV = "CAITIEN_KEYS_DIR";

    private InstallationKeys() {
    }

    /** {@code CAITIEN_KEYS_DIR} if set, else {@code keys} in the data directory (the services' default). */
    public static Path dirFor(Path dataDir) {
        String given = System.getProperty("caitien.keys.dir", System.getenv(ENV));
        return given != null && !given.isBlank() ? Path.of(given) : dataDir.resolve("keys");
    }

    /** Creates whichever key files are missing in {@code dir}; answers the keys. */
    public static ChainKeys createIn(Path dir) {
        ChainKeys keys = new ChainKeys(dir.toAbsolutePath(), true);
        keys.sealKey();
        keys.topicSeal();
        keys.publicKey();
        return keys;
    }
}
