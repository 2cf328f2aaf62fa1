package vn.caitien.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.util.UUID;

/**
 * The RSA key tokens are signed with (RS256), published at /oauth2/jwks. Kept in
 * {@code caitien.identity.key-file} when set, so a restart of the embedded stack does not log everyone
 * out; otherwise new on every start.
 */
@Configuration(proxyBeanMethods = false)
class SigningKey {
    private static final Logger log = LoggerFactory.getLogger(SigningKey.class);

    @Bean
    JWKSource<SecurityContext> jwkSource(IdentityProperties properties) {
        return new ImmutableJWKSet<>(new JWKSet(key(properties.keyFile())));
    }

    /** Validates this server's own tokens at the OIDC user-info endpoint. */
    @Bean
    JwtDecoder jwtDecoder(JWKSource<SecurityContext> jwkSource) {
        return OAuth2AuthorizationServerConfiguration.jwtDecoder(jwkSource);
    }

    static RSAKey key(String keyFile) {
        if (keyFile == null || keyFile.isBlank()) return generate();
        Path file = Path.of(keyFile);
        try {
            if (Files.exists(file)) {
                RSAKey key = RSAKey.parse(Files.readString(file, StandardCharsets.UTF_8));
                if (!key.isPrivate()) throw new IllegalStateException("Tệp khóa " + file + " không chứa khóa bí mật RSA");
                return key;
            }
            RSAKey key = generate();
            if (file.getParent() != null) Files.createDirectories(file.getParent());
            Path partial = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(partial, key.toJSONString(), StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                log.warn("Không đặt được quyền chỉ-chủ-sở-hữu cho {}", partial);
            }
            Files.move(partial, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            log.info("Đã tạo khóa ký token mới tại {}", file);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("Không đọc/ghi được tệp khóa ký token " + file, e);
        } catch (ParseException e) {
            throw new IllegalStateException("Tệp khóa ký token " + file + " không phải một JWK RSA hợp lệ: " + e.getMessage(), e);
        }
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
                    .keyID(UUID.randomUUID().toString()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("Không tạo được khóa RSA", e);
        }
    }
}
