package vn.caitien.monitoring.live;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.annotation.PreDestroy;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import vn.caitien.monitoring.progress.PlanChanged;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Server-sent events for open dashboards: "plan-changed" with the plan id once a change is
 * committed to the read model; pages then re-read what they show.
 */
@RestController
@Tag(name = "Trực tiếp", description = "Luồng sự kiện cho trang theo dõi tự cập nhật")
public class ChangeFeed {
    private static final Logger log = LoggerFactory.getLogger(ChangeFeed.class);
    static final int MAX_SUBSCRIBERS = 500;
    private final List<SseEmitter> subscribers = new CopyOnWriteArrayList<>();

    @GetMapping(path = "/api/stream", produces = "text/event-stream")
    @Operation(summary = "Sự kiện 'plan-changed' khi tiến độ một kế hoạch thay đổi")
    public SseEmitter subscribe() throws IOException {
        if (subscribers.size() >= MAX_SUBSCRIBERS) {
            throw new org.springframework.web.server.ResponseStatusException(
                    org.springframework.http.HttpStatus.SERVICE_UNAVAILABLE, "Quá nhiều trang đang theo dõi trực tiếp");
        }
        SseEmitter emitter = new SseEmitter(0L);
        subscribers.add(emitter);
        emitter.onCompletion(() -> subscribers.remove(emitter));
        emitter.onTimeout(() -> subscribers.remove(emitter));
        emitter.onError(e -> subscribers.remove(emitter));
        // Tell the browser how soon to reconnect if the service restarts.
        emitter.send(SseEmitter.event().reconnectTime(3000).comment("kết nối"));
        return emitter;
    }

    @TransactionalEventListener(fallbackExecution = true)
    public void on(PlanChanged change) {
        send(SseEmitter.event().name("plan-changed").data(Map.of("planId", change.planId())));
    }

    /** A comment every 20 s keeps proxies from closing idle streams and finds dead subscribers. */
    @Scheduled(fixedDelay = 20_000)
    void keepAlive() { send(SseEmitter.event().comment("")); }

    private void send(SseEmitter.SseEventBuilder event) {
        for (SseEmitter emitter : subscribers) {
            try {
                emitter.send(event);
            } catch (IOException | IllegalStateException gone) {
                subscribers.remove(emitter);
                log.debug("Trang theo dõi đã đóng kết nối: {}", gone.toString());
            }
        }
    }

    public int subscriberCount() { return subscribers.size(); }

    /** Open dashboards would otherwise hold a graceful shutdown until it times out. */
    @PreDestroy
    void closeAll() {
        subscribers.forEach(SseEmitter::complete);
        subscribers.clear();
    }
}
