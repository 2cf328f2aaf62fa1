package vn.caitien.api.chain;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

/** HMAC-SHA256 seals, written as base64 text. */
public final class Seals {
    private static final String ALGORITHM = "HmacSHA256";

    private Seals() {
    }

    /** The base64 HMAC-SHA256 of {@code data} under {@code key}. */
    public static String hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            return Base64.getEncoder().encodeToString(mac.doFinal(data));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java platform has HmacSHA256", e);
        }
    }

    public static String hmac(byte[] key, String text) {
        return hmac(key, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Whether {@code seal} is the seal of {@code data}; compared in constant time. */
    public static boolean matches(byte[] key, byte[] data, String seal) {
        if (seal == null) return false;
        return MessageDigest.isEqual(hmac(key, data).getBytes(StandardCharsets.US_ASCII),
                seal.getBytes(StandardCharsets.US_ASCII));
    }

    public static boolean matches(byte[] key, String text, String seal) {
        return matches(key, text.getBytes(StandardCharsets.UTF_8), seal);
    }

    /**
     * HMAC-SHA256 under one key, looked up and initialised once per thread (a {@link Mac} is not
     * thread-safe, and {@code doFinal} leaves it ready for the next text): {@link #hmac(byte[], byte[])} does
     * both on every call, an eighth of checking the seal of every record a rebuild reads.
     */
    public static final class Keyed {
        private final ThreadLocal<Mac> macs;

        public Keyed(byte[] key) {
            SecretKeySpec spec = new SecretKeySpec(key, ALGORITHM);
            macs = ThreadLocal.withInitial(() -> {
                try {
                    Mac mac = Mac.getInstance(ALGORITHM);
                    mac.init(spec);
                    return mac;
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException("Every Java platform has HmacSHA256", e);
                }
            });
        }

        /** As {@link Seals#hmac(byte[], byte[])} under this key. */
        public String hmac(byte[] data) {
            return Base64.getEncoder().encodeToString(macs.get().doFinal(data));
        }

        /** As {@link Seals#matches(byte[], byte[], String)} under this key. */
        public boolean matches(byte[] data, String seal) {
            if (seal == null) return false;
            return MessageDigest.isEqual(hmac(data).getBytes(StandardCharsets.US_ASCII),
                    seal.getBytes(StandardCharsets.US_ASCII));
        }
    }
}
