package vn.caitien.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Sends commands to plan-service as a careful client does: each command gets its own
 * {@code Idempotency-Key} and {@code X-Correlation-Id}, and a connection error, a timeout, a 5xx or
 * "still in flight" (409 from the idempotency store) is retried with the SAME key and body until the
 * command is answered or its deadline passes. Every command and what happened to it is kept in the
 * ledger, which the fault-injection test checks against the event store.
 */
final class CommandClient {
    enum Kind { CREATE_PLAN, ADD_ITEM, APPROVE, RECORD_PROGRESS, SUBMIT_REPORT }

    static final String IDEMPOTENCY_PROBLEM = "https://caitien.vn/problems/idempotency";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One command as the client sees it; final once {@link #done} is set. */
    static final class Command {
        final Kind kind;
        final String planId;
        final String path;
        final String requestBody;
        final String key = UUID.randomUUID().toString();
        final String correlationId = UUID.randomUUID().toString();
        final long sentAt = System.nanoTime();
        final List<String> retryCauses = new ArrayList<>();
        volatile boolean done;
        volatile int status; // 0: never answered before the deadline
        volatile JsonNode body;
        volatile boolean replayed;
        volatile long answeredAt;

        Command(Kind kind, String planId, String path, String requestBody) {
            this.kind = kind;
            this.planId = planId;
            this.path = path;
            this.requestBody = requestBody;
        }

        boolean acked() { return status >= 200 && status < 300; }

        boolean unresolved() { return done && status == 0; }

        boolean refused() { return status >= 400 && status < 500; }

        int attempts() { synchronized (retryCauses) { return retryCauses.size() + 1; } }

        List<String> causes() { synchronized (retryCauses) { return List.copyOf(retryCauses); } }

        @Override
        public String toString() {
            return kind + " plan " + planId + " key " + key + " → " + (status == 0 ? "no answer" : status)
                    + " after " + attempts() + " attempt(s) " + retryCauses(List.of(this)) + (body == null ? "" : " " + body);
        }
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final URI base;
    private final Duration requestTimeout;
    private final Duration deadline;
    private final Queue<Command> ledger = new ConcurrentLinkedQueue<>();

    /**
     * @param base         plan-service, e.g. {@code http://localhost:8081}
     * @param deadline     how long one command is retried before the client gives up on it
     */
    CommandClient(URI base, Duration requestTimeout, Duration deadline) {
        this.base = base;
        this.requestTimeout = requestTimeout;
        this.deadline = deadline;
    }

    /** POSTs a command and retries it until it is answered (2xx or a 4xx other than "in flight") or the deadline. */
    Command send(Kind kind, String planId, String path, String token, String body) throws InterruptedException {
        Command command = new Command(kind, planId, path, body);
        ledger.add(command);
        HttpRequest request = request(command, token);
        long giveUpAt = command.sentAt + deadline.toNanos();
        long backoff = 100;
        while (true) {
            String cause;
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                JsonNode answer = parse(response.body());
                int status = response.statusCode();
                if (status >= 500) {
                    cause = "HTTP " + status;
                } else if (status == 409 && IDEMPOTENCY_PROBLEM.equals(answer.path("type").asText())) {
                    cause = "409 in flight";
                } else {
                    command.body = answer;
                    command.replayed = response.headers().firstValue("Idempotent-Replayed").isPresent();
                    command.status = status;
                    command.answeredAt = System.nanoTime();
                    command.done = true;
                    return command;
                }
            } catch (IOException e) {
                cause = e.getClass().getSimpleName();
            }
            if (System.nanoTime() - giveUpAt > 0) {
                synchronized (command.retryCauses) { command.retryCauses.add(cause + " (gave up)"); }
                command.done = true;
                return command;
            }
            synchronized (command.retryCauses) { command.retryCauses.add(cause); }
            Thread.sleep(backoff);
            backoff = Math.min(2_000, backoff * 2);
        }
    }

    /** The same request once more (same key, correlation id and body), as a client retrying late would. */
    HttpResponse<String> resend(Command command, String token) throws IOException, InterruptedException {
        return http.send(request(command, token), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest request(Command command, String token) {
        return HttpRequest.newBuilder(base.resolve(command.path)).timeout(requestTimeout)
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .header("Idempotency-Key", command.key)
                .header("X-Correlation-Id", command.correlationId)
                .POST(HttpRequest.BodyPublishers.ofString(command.requestBody)).build();
    }

    List<Command> ledger() { return List.copyOf(ledger); }

    /** Counts of retry causes over the whole ledger, e.g. {@code ConnectException=12, HTTP 500=3}. */
    static Map<String, Integer> retryCauses(List<Command> commands) {
        Map<String, Integer> counts = new TreeMap<>();
        for (Command c : commands) for (String cause : c.causes()) counts.merge(cause, 1, Integer::sum);
        return counts;
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) return JSON.createObjectNode();
        try {
            return JSON.readTree(body);
        } catch (IOException notJson) {
            return JSON.getNodeFactory().textNode(body.length() > 300 ? body.substring(0, 300) : body);
        }
    }
}
