package vn.caitien.api.chain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * Keys kept in files the operator holds (a mounted secret in production), never in a database.
 * Each file holds one line of base64. {@code loadOrCreate…} creates a missing file (readable by its owner
 * only) for the embedded stack and tests; production mounts existing files and uses {@code load…}.
 */
public final class KeyFiles {
    private static final SecureRandom RANDOM = new SecureRandom();

    private KeyFiles() {
    }

    /** A 32-byte secret (seal or topic key). */
    public static byte[] loadSecret(Path file) {
        byte[] key = decode(read(file), file);
        if (key.length < 32) throw new IllegalStateException("Khoá bí mật trong " + file + " ngắn hơn 32 byte");
        return key;
    }

    public static synchronized byte[] loadOrCreateSecret(Path file) {
        if (!Files.exists(file)) {
            byte[] key = new byte[32];
            RANDOM.nextBytes(key);
            writeNew(file, Base64.getEncoder().encodeToString(key));
        }
        return loadSecret(file);
    }

    /** plan-service's checkpoint signing key pair: {@code privateFile} (PKCS#8) and {@code publicFile} (X.509). */
    public static synchronized KeyPair loadOrCreateSigningKeys(Path privateFile, Path publicFile) {
        if (!Files.exists(privateFile)) {
            try {
                KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
                writeNew(privateFile, Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()));
                Files.deleteIfExists(publicFile);
                writeNew(publicFile, Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()));
            } catch (GeneralSecurityException | IOException e) {
                throw new IllegalStateException("Không tạo được cặp khoá ký " + privateFile, e);
            }
        }
        return new KeyPair(loadPublicKey(publicFile), loadPrivateKey(privateFile));
    }

    public static PrivateKey loadPrivateKey(Path file) {
        try {
            return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(decode(read(file), file)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Tệp " + file + " không chứa khoá riêng Ed25519", e);
        }
    }

    public static PublicKey loadPublicKey(Path file) {
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(decode(read(file), file)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Tệp " + file + " không chứa khoá công khai Ed25519", e);
        }
    }

    /** A short, stable name of a public key: the first 16 hex digits of its SHA-256. */
    public static String keyId(PublicKey key) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
            return java.util.HexFormat.of().formatHex(digest, 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("Không đọc được tệp khoá " + file, e);
        }
    }

    private static byte[] decode(String text, Path file) {
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("Tệp khoá " + file + " không phải base64", e);
        }
    }

    private static void writeNew(Path file, String text) {
        try {
            if (file.getParent() != null) Files.createDirectories(file.getParent());
            Files.writeString(file, text + "\n", StandardCharsets.US_ASCII, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // Not a POSIX file system: the directory's own protection applies.
            }
        } catch (FileAlreadyExistsException e) {
            // Another process created it first: theirs is the key.
        } catch (IOException e) {
            throw new UncheckedIOException("Không ghi được tệp khoá " + file, e);
        }
    }
}
