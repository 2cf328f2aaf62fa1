package vn.caitien.system;

import vn.caitien.system.CommandClient.Command;
import vn.caitien.system.CommandClient.Kind;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A steady load of commands from several client threads, as schools use the system: each client
 * creates a plan (CreatePlan, three AddActionItem, ApprovePlan), then mostly records progress on its
 * items, submits the start-of-year report once, and moves on to a new plan. A plan whose set-up was
 * not acknowledged is left as it is and the client starts another.
 */
final class LoadClients {
    private static final List<String> CRITERIA = List.of("1.4", "3.4", "5.3");
    private static final LocalDate FIRST_DAY = LocalDate.of(2023, 9, 5);

    private final CommandClient client;
    private final Tokens tokens;
    private final int clients;
    private final long seed;
    private final int progressPerPlan;
    private final Duration think;
    private final List<Thread> threads = new ArrayList<>();
    private final Set<String> plans = ConcurrentHashMap.newKeySet();
    private final List<Throwable> failures = new CopyOnWriteArrayList<>();
    private volatile boolean stopping;

    LoadClients(CommandClient client, Tokens tokens, int clients, long seed, int progressPerPlan, Duration think) {
        this.client = client;
        this.tokens = tokens;
        this.clients = clients;
        this.seed = seed;
        this.progressPerPlan = progressPerPlan;
        this.think = think;
    }

    void start() {
        for (int i = 0; i < clients; i++) {
            Random random = new Random(seed + i);
            Thread thread = new Thread(() -> run(random), "load-client-" + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
    }

    /** Lets each client finish (and retry) the command it is sending, then waits for all of them. */
    void stopAndAwait(Duration timeout) throws InterruptedException {
        stopping = true;
        long until = System.nanoTime() + timeout.toNanos();
        for (Thread t : threads) t.join(Math.max(1, (until - System.nanoTime()) / 1_000_000));
        for (Thread t : threads) {
            if (t.isAlive()) throw new IllegalStateException(t.getName() + " still sending after " + timeout);
        }
    }

    /** Every plan whose CreatePlan was acknowledged (a create never answered has no id the client knows). */
    Set<String> plans() { return Set.copyOf(plans); }

    /** Errors in the clients themselves (not answers of the service): must be none. */
    List<Throwable> failures() { return List.copyOf(failures); }

    private void run(Random random) {
        try {
            while (!stopping) {
                SetUp plan = setUp();
                if (plan == null) continue;
                String planId = plan.planId();
                List<String> items = plan.itemIds();
                for (int n = 0; n < progressPerPlan && !stopping; n++) {
                    if (n == progressPerPlan / 2) {
                        client.send(Kind.SUBMIT_REPORT, planId, "/api/plans/" + planId + "/reports", tokens.monitor(),
                                report());
                    } else {
                        String item = items.get(random.nextInt(items.size()));
                        client.send(Kind.RECORD_PROGRESS, planId, "/api/plans/" + planId + "/items/" + item + "/progress",
                                tokens.monitor(), progress(random, FIRST_DAY.plusDays(2L * n)));
                    }
                    Thread.sleep(think.toMillis());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            failures.add(e);
        }
    }

    /** A plan set up: the id plan-service drew for it, and its items' ids. */
    record SetUp(String planId, List<String> itemIds) {
    }

    /** The new plan and its item ids, or null when a step was not acknowledged. */
    private SetUp setUp() throws InterruptedException {
        Command created = client.send(Kind.CREATE_PLAN, NEW_PLAN, "/api/plans", tokens.principal(), createPlan());
        if (!created.acked()) return null;
        String planId = created.body.get("id").asText();
        plans.add(planId);
        List<String> items = new ArrayList<>();
        for (String criterion : CRITERIA) {
            Command added = client.send(Kind.ADD_ITEM, planId, "/api/plans/" + planId + "/items", tokens.principal(),
                    SamplePlan.item(criterion, "Năm học 2023-2024"));
            if (!added.acked()) return null;
            items.add(added.body.get("id").asText());
        }
        Command approved = client.send(Kind.APPROVE, planId, "/api/plans/" + planId + "/approve", tokens.principal(),
                "{\"approvedOn\": \"2023-08-18\", \"approvedBy\": \"Lưu Thuận Phong\"}");
        return approved.acked() ? new SetUp(planId, items) : null;
    }

    /** What a CreatePlan names before plan-service has drawn the plan's id. */
    static final String NEW_PLAN = "(mới)";

    /** A new plan of the principal's school (plan-service draws its id; school and unit are the account's). */
    static String createPlan() {
        return """
                {"school": {"name": "%s", "code": "%s", "type": "TIEU_HOC",
                            "managingUnit": ["%s", "%s"]},
                 "frameworkId": "TT17-2018", "schoolYear": "2023-2024", "documentNumber": "%s/KH-THLĐC",
                 "issueDate": "2023-08-18"}""".formatted(Tokens.SCHOOL_NAME, Tokens.SCHOOL_CODE,
                Tokens.UNIT.get(0), Tokens.UNIT.get(1), UUID.randomUUID().toString().substring(0, 8));
    }

    static String progress(Random random, LocalDate day) {
        int pick = random.nextInt(10);
        String status = pick < 6 ? "DANG_THUC_HIEN" : pick < 8 ? "CHAM_TIEN_DO" : "HOAN_THANH";
        int percent = status.equals("HOAN_THANH") ? 100 : 5 + random.nextInt(90);
        return """
                {"status": "%s", "percent": %d, "narrative": "Đã triển khai theo kế hoạch, đợt %s",
                 "evidenceCodes": ["[H1-1.4-0%d]"], "amountSpentToDate": %d, "effectiveDate": "%s"}"""
                .formatted(status, percent, day, 1 + random.nextInt(9), 100_000L * (1 + random.nextInt(30)), day);
    }

    static String report() {
        return """
                {"period": "DAU_NAM", "schoolYear": "2023-2024", "submittedOn": "2023-10-25",
                 "summary": "Các nội dung cải tiến đã được triển khai đúng tiến độ",
                 "findings": "Tổ giám sát đã kiểm tra minh chứng của từng nội dung",
                 "recommendations": "Tiếp tục theo dõi các nội dung chậm tiến độ"}""";
    }
}
