package vn.caitien.readside.lag;

import vn.caitien.api.lag.StoreHead;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ReadSideLagTest {
    private static final Instant T0 = Instant.parse("2026-01-05T02:00:00Z");
    private final ReadSideLag lag = new ReadSideLag(Duration.ofSeconds(60), Duration.ofSeconds(30));

    private static StoreHead head(long head, long published, Instant oldest, Instant at) {
        return new StoreHead(head, published, head - published, oldest, at);
    }

    @Test
    void eventsTheStoreHasButTheTopicHasNotCountAsLagAndAStoppedPublisherIsNamedAfterTheWait() {
        ReadSideLag.Sample first = lag.observe(10, 10, head(15, 10, T0, T0), T0);
        assertThat(first.topicLag()).isZero();
        assertThat(first.storeLag()).isEqualTo(5);
        assertThat(first.stuck()).isFalse();

        Instant later = T0.plusSeconds(61);
        ReadSideLag.Sample stuck = lag.observe(10, 10, head(15, 10, T0, later), later);
        assertThat(stuck.stuckReason()).contains("5 sự kiện chưa được plan-service phát lên Kafka trong 61 giây");
        assertThat(stuck.oldestWait()).isEqualTo(Duration.ofSeconds(61));
    }

    @Test
    void recordsWaitingOnTheTopicWhileNothingIsReadAreNamedAsSuch() {
        lag.observe(4, 9, head(9, 9, null, T0), T0);
        Instant later = T0.plusSeconds(90);
        ReadSideLag.Sample stuck = lag.observe(4, 9, head(9, 9, null, later), later);
        assertThat(stuck.stuckReason()).contains("5 sự kiện trên Kafka chưa đọc được trong 90 giây");
        assertThat(stuck.storeLag()).isEqualTo(5);
    }

    @Test
    void aBusyButMovingServiceIsNeverStuckEvenIfItIsNeverAtTheHead() {
        for (int s = 0; s <= 300; s += 10) {
            Instant now = T0.plusSeconds(s);
            ReadSideLag.Sample sample = lag.observe(s, s + 7, head(s + 10, s + 7, now.minusSeconds(1), now), now);
            assertThat(sample.stuck()).as("at %d s", s).isFalse();
            assertThat(sample.storeLag()).isEqualTo(10);
        }
    }

    @Test
    void thePublisherMovingWhileTheServiceHasReadEverythingOnTheTopicIsCatchingUp() {
        lag.observe(10, 10, head(20, 10, T0, T0), T0);
        Instant later = T0.plusSeconds(70);
        assertThat(lag.observe(10, 12, head(20, 12, T0.plusSeconds(60), later), later).stuck()).isFalse();
    }

    @Test
    void aStaleStoreHeadIsNotCountedAndSaidSo() {
        lag.observe(10, 10, head(15, 10, T0, T0), T0);
        Instant later = T0.plusSeconds(31);
        ReadSideLag.Sample sample = lag.observe(10, 10, head(15, 10, T0, T0), later);
        assertThat(sample.storeLag()).isZero();
        assertThat(sample.storeNote()).contains("đã cũ");
        assertThat(lag.observe(10, 10, null, later).storeNote()).contains("chưa nhận được");
    }

    @Test
    void caughtUpIsNotStuckHoweverLongNothingHappens() {
        lag.observe(10, 10, head(10, 10, null, T0), T0);
        Instant later = T0.plusSeconds(3600);
        ReadSideLag.Sample sample = lag.observe(10, 10, head(10, 10, null, later), later);
        assertThat(sample.stuck()).isFalse();
        assertThat(sample.details()).containsEntry("storeLag", 0L).containsEntry("storeHead", 10L);
    }
}
