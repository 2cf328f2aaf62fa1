package vn.caitien.identity;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** Password guessing on the login form is slowed down per account and per client address. */
class LoginThrottleTest {
    private static final IdentityProperties.LoginLimits LIMITS =
            new IdentityProperties.LoginLimits(5, 12, Duration.ofMinutes(15), Duration.ofMinutes(15));

    /** A clock the test moves by hand. */
    private static final class Hands extends Clock {
        Instant now = Instant.parse("2024-01-15T01:00:00Z");

        @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(java.time.ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    }

    @Test
    void fiveWrongPasswordsLockTheAccountForFifteenMinutesWhateverTheAddress() {
        Hands clock = new Hands();
        LoginThrottle throttle = new LoginThrottle(LIMITS, clock);
        for (int i = 0; i < 4; i++) throttle.failed("giamsat.mai.ldc", "10.0.0." + i);
        assertThat(throttle.lockedFor("giamsat.mai.ldc", "10.0.0.9")).isEmpty();
        throttle.failed("GiamSat.Mai.LDC ", "10.0.0.4");
        assertThat(throttle.lockedFor("giamsat.mai.ldc", "10.0.0.9")).contains(Duration.ofMinutes(15));
        assertThat(throttle.lockedFor("giamsat.hang.ldc", "10.0.0.9")).isEmpty();
        clock.now = clock.now.plus(Duration.ofMinutes(14));
        assertThat(throttle.lockedFor("giamsat.mai.ldc", "10.0.0.9")).contains(Duration.ofMinutes(1));
        clock.now = clock.now.plus(Duration.ofMinutes(1));
        assertThat(throttle.lockedFor("giamsat.mai.ldc", "10.0.0.9")).isEmpty();
    }

    @Test
    void failuresOutsideTheWindowAndBeforeASuccessfulLoginDoNotCount() {
        Hands clock = new Hands();
        LoginThrottle throttle = new LoginThrottle(LIMITS, clock);
        for (int i = 0; i < 4; i++) throttle.failed("hieutruong.ldc", "10.0.0.1");
        throttle.succeeded("hieutruong.ldc");
        for (int i = 0; i < 4; i++) throttle.failed("hieutruong.ldc", "10.0.0.1");
        assertThat(throttle.lockedFor("hieutruong.ldc", "10.0.0.1")).isEmpty();
        clock.now = clock.now.plus(Duration.ofMinutes(16));
        throttle.failed("hieutruong.ldc", "10.0.0.1");
        assertThat(throttle.lockedFor("hieutruong.ldc", "10.0.0.1")).isEmpty();
    }

    @Test
    void oneAddressGuessingAtManyAccountsIsLockedOutOfAllOfThem() {
        LoginThrottle throttle = new LoginThrottle(LIMITS, new Hands());
        for (int i = 0; i < 12; i++) throttle.failed("tai-khoan-" + i, "203.0.113.7");
        assertThat(throttle.lockedFor("quantri", "203.0.113.7")).isPresent();
        assertThat(throttle.lockedFor("quantri", "203.0.113.8")).isEmpty();
        // A success on some account does not clear the address's count.
        throttle.succeeded("tai-khoan-0");
        assertThat(throttle.lockedFor("tai-khoan-0", "203.0.113.7")).isPresent();
    }

    @Test
    void theLockedPageSaysWhyAndForHowLongInVietnamese() {
        assertThat(LoginPage.locked("15"))
                .isEqualTo("Đăng nhập sai quá nhiều lần nên tạm thời bị khoá; vui lòng thử lại sau 15 phút");
        assertThat(LoginPage.locked("<script>")).endsWith("thử lại sau ít phút");
    }
}
