package vn.caitien.planservice.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * How long the answer to a command sent with an {@code Idempotency-Key} is remembered
 * ({@code caitien.idempotency.remember-for}, 24 h by default: a client retries within minutes, a day covers
 * a night's outage), and the job that deletes older answers every {@code caitien.idempotency.cleanup-interval}.
 * An expired answer is never replayed even before the job runs: lookups ignore it and a new request with
 * its key replaces it. Ages are measured on the database's clock, the one that stamped {@code created_at}.
 */
@Component
public class RememberedAnswers {
    private static final Logger log = LoggerFactory.getLogger(RememberedAnswers.class);
    /** SQL condition: the row is still remembered (parameter: remember-for in milliseconds). */
    static final String LIVE = "created_at > now() - make_interval(secs => ? / 1000.0)";
    /** Rows deleted per statement, so the job never holds many row locks at once. */
    private static final int BATCH = 1000;

    private final JdbcTemplate jdbc;
    private final Duration rememberFor;

    public RememberedAnswers(JdbcTemplate jdbc, @Value("${caitien.idempotency.remember-for:24h}") Duration rememberFor) {
        if (rememberFor.isNegative() || rememberFor.isZero()) {
            throw new IllegalArgumentException("caitien.idempotency.remember-for must be positive");
        }
        this.jdbc = jdbc;
        this.rememberFor = rememberFor;
    }

    public Duration rememberFor() { return rememberFor; }

    /**
     * Is this an answer to remember? Not a 409 (a conflict with a concurrent change, or a refusal that holds
     * only for the plan's state of that moment: retried, it may succeed) nor a 5xx (the command may not have
     * run). Anything else is the command's final answer.
     */
    static boolean isFinal(int status) {
        return status != 409 && status < 500;
    }

    /** Frees the key of this user if its remembered answer has expired (before the key is used again). */
    void forgetExpired(String subject, String key) {
        jdbc.update("delete from idempotent_request where subject = ? and idempotency_key = ? and not (" + LIVE + ")",
                subject, key, rememberFor.toMillis());
    }

    /** Deletes every expired answer, a batch at a time; returns how many. */
    @Scheduled(initialDelayString = "${caitien.idempotency.cleanup-interval:1h}",
            fixedDelayString = "${caitien.idempotency.cleanup-interval:1h}")
    public int deleteExpired() {
        int total = 0;
        int deleted;
        do {
            deleted = jdbc.update("delete from idempotent_request where ctid in (select ctid from idempotent_request "
                    + "where not (" + LIVE + ") limit " + BATCH + ")", rememberFor.toMillis());
            total += deleted;
        } while (deleted == BATCH);
        if (total > 0) log.info("Đã xoá {} câu trả lời Idempotency-Key quá hạn ({})", total, rememberFor);
        return total;
    }
}
