package vn.caitien.planservice.exchange;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Which plan each imported file became, by the SHA-256 of its bytes (table plan_import, V3); looked up
 * per school, through plan-service's view of the plan (plan_view.school_code).
 */
@Repository
class ImportRegistry {
    private final JdbcTemplate jdbc;

    ImportRegistry(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JVM", e);
        }
    }

    /**
     * Serialises imports of the same file until the transaction ends, so two simultaneous uploads
     * cannot both see "not imported yet" and create two plans.
     */
    void lock(String hash) {
        long key = ByteBuffer.wrap(HexFormat.of().parseHex(hash.substring(0, 16))).getLong();
        jdbc.query("select pg_advisory_xact_lock(?)", rs -> null, key);
    }

    /**
     * The first plan this school created from this file, if any. Another school's plan from the same
     * file is none of this school's business: it is neither a duplicate nor named.
     */
    Optional<String> planFor(String hash, String schoolCode) {
        return jdbc.query("select i.plan_id from plan_import i join plan_view v on v.plan_id = i.plan_id "
                        + "where i.content_hash = ? and v.school_code = ? order by i.imported_at limit 1",
                (rs, n) -> rs.getString(1), hash, schoolCode).stream().findFirst();
    }

    void record(String hash, String planId, String fileName, String format, Instant at) {
        jdbc.update("insert into plan_import (plan_id, content_hash, file_name, file_format, imported_at) values (?, ?, ?, ?, ?)",
                planId, hash, fileName == null ? null : fileName.length() > 255 ? fileName.substring(0, 255) : fileName,
                format, Timestamp.from(at));
    }
}
