package vn.caitien.api.chain;

import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;

/**
 * The key files of one installation, all in one directory (property {@code caitien.keys.dir}; embedded
 * default {@code .caitien/data/keys}, a mounted secret in production):
 * <ul>
 *   <li>{@value #SEAL_KEY}: seals stored events (plan-service only);</li>
 *   <li>{@value #TOPIC_KEY}: seals Kafka records (plan-service writes, the read services check);</li>
 *   <li>{@value #SIGNING_KEY} / {@value #PUBLIC_KEY}: signs checkpoints (private: plan-service only;
 *   public: whoever checks checkpoints, auditors included).</li>
 * </ul>
 * With {@code createMissing} (embedded stack, tests) a missing file is created; otherwise a missing file
 * stops the service at start-up. Each key is read when first asked for, so a read service never needs
 * the files it has no business holding.
 */
public final class ChainKeys {
    public static final String SEAL_KEY = "seal.key";
    public static final String TOPIC_KEY = "topic.key";
    public static final String SIGNING_KEY = "checkpoint-signing.key";
    public static final String PUBLIC_KEY = "checkpoint-signing.pub";

    private final Path dir;
    private final boolean createMissing;

    public ChainKeys(Path dir, boolean createMissing) {
        this.dir = dir;
        this.createMissing = createMissing;
    }

    public Path dir() {
        return dir;
    }

    public byte[] sealKey() {
        return secret(SEAL_KEY);
    }

    public TopicSeal topicSeal() {
        return new TopicSeal(secret(TOPIC_KEY));
    }

    public KeyPair signingKeys() {
        return createMissing ? KeyFiles.loadOrCreateSigningKeys(dir.resolve(SIGNING_KEY), dir.resolve(PUBLIC_KEY))
                : new KeyPair(KeyFiles.loadPublicKey(dir.resolve(PUBLIC_KEY)), KeyFiles.loadPrivateKey(dir.resolve(SIGNING_KEY)));
    }

    /** The checkpoint signers' public key; created with its private key when allowed and missing. */
    public PublicKey publicKey() {
        return createMissing ? signingKeys().getPublic() : KeyFiles.loadPublicKey(dir.resolve(PUBLIC_KEY));
    }

    private byte[] secret(String name) {
        return createMissing ? KeyFiles.loadOrCreateSecret(dir.resolve(name)) : KeyFiles.loadSecret(dir.resolve(name));
    }
}
