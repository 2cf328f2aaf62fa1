package vn.caitien.monitoring.live;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.HttpStatus;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.context.event.EventListener;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import vn.caitien.access.Access;
import vn.caitien.access.Caller;
import vn.caitien.access.PlanScope;
import vn.caitien.monitoring.progress.ProgressReadModel;
import vn.caitien.monitoring.security.Callers;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Server-sent events for open dashboards: "plan-changed" with the plan id once a change is
 * committed to the read model; pages then re-read what they show. Each subscriber hears only of the
 * plans it may read, and its stream ends when its access token expires (the page reconnects with a
 * fresh one). Browsers' EventSource cannot send headers, so the token may come as {@code ?access_token=}.
 * Open streams are bounded: {@code caitien.live.max-streams} in all (500), {@code caitien.live.max-streams-per-user}
 * per signed-in user (5: a few tabs and devices), so one account cannot take every stream; past either, 429 in Vietnamese.
 */
@RestController
@SecurityRequirement(name = "bearer")
@Tag(name = "Trực tiếp", description = "Luồng sự kiện cho trang theo dõi tự cập nhật")
public class ChangeFeed implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(ChangeFeed.class);
    /** More changed plans than this at once (a rebuild, never a live batch of events) are announced as one change. */
    static final int MANY_PLANS = 100;
    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private final ProgressReadModel readModel;
    private final Clock clock;
    private final int maxStreams;
    private final int maxStreamsPerUser;
    private volatile boolean running;

    record Subscriber(SseEmitter emitter, Caller caller, Instant expiresAt) {
    }

    public ChangeFeed(ProgressReadModel readModel, Clock clock, @Value("${caitien.live.max-streams:500}") int maxStreams,
                      @Value("${caitien.live.max-streams-per-user:5}") int maxStreamsPerUser) {
        if (maxStreams < 1 || maxStreamsPerUser < 1) throw new IllegalArgumentException("caitien.live.max-streams* must be ≥ 1");
        this.readModel = readModel;
        this.clock = clock;
        this.maxStreams = maxStreams;
        this.maxStreamsPerUser = maxStreamsPerUser;
    }

    @GetMapping(path = "/api/stream", produces = "text/event-stream")
    @Operation(summary = "Sự kiện 'plan-changed' khi tiến độ một kế hoạch người dùng được xem thay đổi",
            description = "Mã truy cập gửi qua tiêu đề Authorization hoặc tham số access_token (EventSource không gửi được tiêu đề).")
    public SseEmitter subscribe(Caller caller,
                                @Parameter(description = "Mã truy cập, khi không gửi được tiêu đề Authorization")
                                @org.springframework.web.bind.annotation.RequestParam(name = "access_token", required = false)
                                String ignoredToken) throws IOException {
        SseEmitter emitter = new SseEmitter(0L);
        Subscriber subscriber = new Subscriber(emitter, caller, Callers.currentExpiry().orElse(Instant.MAX));
        admit(subscriber);
        emitter.onCompletion(() -> subscribers.remove(subscriber));
        emitter.onTimeout(() -> subscribers.remove(subscriber));
        emitter.onError(e -> subscribers.remove(subscriber));
        // Tell the browser how soon to reconnect if the service restarts.
        emitter.send(SseEmitter.event().reconnectTime(3000).comment("kết nối"));
        return emitter;
    }

    /** Adds the subscriber unless the service or its user already has as many streams as allowed (429). */
    private synchronized void admit(Subscriber subscriber) {
        if (subscribers.size() >= maxStreams) {
            throw new ResponseStatusException(HttpStatus.TOO_MANY_REQUESTS, "Quá nhiều trang đang theo dõi trực tiếp (tối đa "
                    + maxStreams + " luồng); vui lòng thử lại sau");
        }
        String user = subscriber.caller().username();
        long own = subscribers.stream().filter(s -> Objects.equals(s.caller().username(), user)).count();
        if (own >= maxStreamsPerUser) {
            throw new ResponseStatusException(HttpStatus.TOO_MANY_REQUESTS, "Tài khoản này đã mở " + own
                    + " luồng theo dõi trực tiếp, tối đa " + maxStreamsPerUser + " luồng mỗi người; hãy đóng bớt trang "
                    + "đang mở rồi thử lại");
        }
        subscribers.add(subscriber);
    }

    @EventListener
    public void on(ChangedPlans changes) {
        if (subscribers.isEmpty()) return;
        if (changes.planIds().size() > MANY_PLANS) {
            // A rebuild: every page is told once that anything may have changed (no plan id, so nothing
            // is disclosed) and re-reads what it shows, instead of hearing of thousands of plans.
            SseEmitter.SseEventBuilder everything = SseEmitter.event().name("plan-changed").data(Map.of());
            for (Subscriber subscriber : subscribers) send(subscriber, everything);
            return;
        }
        for (String planId : changes.planIds()) {
            if (subscribers.isEmpty()) return;
            Optional<PlanScope> scope = readModel.scope(planId);
            if (scope.isEmpty()) continue;
            SseEmitter.SseEventBuilder event = SseEmitter.event().name("plan-changed").data(Map.of("planId", planId));
            for (Subscriber subscriber : subscribers) {
                if (Access.canRead(subscriber.caller(), scope.get())) send(subscriber, event);
            }
        }
    }

    /**
     * A comment every 20 s keeps proxies from closing idle streams and finds dead subscribers; streams
     * whose token has expired are ended here.
     */
    @Scheduled(fixedDelay = 20_000)
    void keepAlive() {
        Instant now = clock.instant();
        for (Subscriber subscriber : subscribers) {
            if (!now.isBefore(subscriber.expiresAt())) {
                subscribers.remove(subscriber);
                subscriber.emitter().complete();
            } else {
                send(subscriber, SseEmitter.event().comment(""));
            }
        }
    }

    private void send(Subscriber subscriber, SseEmitter.SseEventBuilder event) {
        try {
            subscriber.emitter().send(event);
        } catch (IOException | IllegalStateException gone) {
            subscribers.remove(subscriber);
            log.debug("Trang theo dõi đã đóng kết nối: {}", gone.toString());
        }
    }

    public int subscriberCount() { return subscribers.size(); }

    @Override
    public void start() { running = true; }

    /**
     * Open dashboards would otherwise hold the web server's graceful shutdown until it times out: the
     * streams end first (the highest phase stops first), and the pages reconnect to another instance.
     */
    @Override
    public void stop() {
        running = false;
        subscribers.forEach(s -> s.emitter().complete());
        subscribers.clear();
    }

    @Override
    public boolean isRunning() { return running; }

    @Override
    public int getPhase() { return Integer.MAX_VALUE; }
}
