package vn.caitien.bench.hooks;

import vn.caitien.access.Caller;
import vn.caitien.access.PlanScope;
import vn.caitien.access.Role;
import vn.caitien.api.plan.PlanId;
import vn.caitien.planservice.application.PlanCommandSender;
import vn.caitien.bench.hooks.BenchRequest.Target;
import vn.caitien.planservice.view.PlanViewRepository;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * RecordProgress sent in-process, through plan-service's {@link PlanCommandSender} and Axon's command gateway, by
 * {@code clients} threads at once: everything a command costs in plan-service except HTTP, JSON and the token
 * (issue 7, row 2b). Each thread owns the plans dealt to it, as each school's team records on its own plan, and
 * sends back to back; the sender of each command is a member of the monitoring team of the plan's school, so
 * access checks, metadata, the hash chain and the events are those of a real request.
 */
class InProcessProgressLoad {
    private static final int REFUSALS_SHOWN = 5;

    private final PlanCommandSender commands;
    private final PlanViewRepository views;

    InProcessProgressLoad(PlanCommandSender commands, PlanViewRepository views) {
        this.commands = commands;
        this.views = views;
    }

    BenchResult run(BenchRequest request) throws InterruptedException {
        List<Target> targets = request.targets();
        List<Caller> senders = targets.stream().map(this::monitorOf).toList();
        List<List<Integer>> plans = targetsByPlan(targets);
        AtomicInteger[] turns = new AtomicInteger[plans.size()];
        for (int p = 0; p < turns.length; p++) turns[p] = new AtomicInteger();
        int clients = request.clientCount();
        int total = request.commands();
        AtomicInteger next = new AtomicInteger();
        AtomicLongArray rounds = new AtomicLongArray(targets.size());
        ConcurrentLinkedQueue<Long> nanos = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> refusals = new ConcurrentLinkedQueue<>();
        AtomicInteger refused = new AtomicInteger();
        AtomicLong cpuNanos = new AtomicLong();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        ExecutorService pool = Executors.newFixedThreadPool(clients, r -> new Thread(r, "bench-client"));
        try {
            List<Future<?>> running = new ArrayList<>();
            long started = System.nanoTime();
            for (int c = 0; c < clients; c++) {
                List<Integer> mine = dealt(plans.size(), c, clients);
                running.add(pool.submit(() -> {
                    long cpuAtStart = threads.getCurrentThreadCpuTime();
                    for (int n = 0; next.getAndIncrement() < total; n++) {
                        // The client's plans in turn, and each plan's items in turn.
                        int p = mine.get(n % mine.size());
                        List<Integer> plan = plans.get(p);
                        int target = plan.get(Math.floorMod(turns[p].getAndIncrement(), plan.size()));
                        long round = rounds.getAndIncrement(target);
                        Target t = targets.get(target);
                        var command = request.body(target, round).toCommand(t.planId(), t.itemId(), UUID.randomUUID().toString());
                        long sent = System.nanoTime();
                        try {
                            commands.send(senders.get(target), command, () -> null, () -> UUID.randomUUID().toString());
                            nanos.add(System.nanoTime() - sent);
                        } catch (RuntimeException e) {
                            if (refused.incrementAndGet() <= REFUSALS_SHOWN) {
                                refusals.add(t.planId() + "/" + t.itemId() + ": " + e.getClass().getSimpleName() + ": " + e.getMessage());
                            }
                        }
                    }
                    cpuNanos.addAndGet(threads.getCurrentThreadCpuTime() - cpuAtStart);
                    return null;
                }));
            }
            for (Future<?> f : running) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    throw new IllegalStateException("Bench client failed", e.getCause());
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            List<Long> sorted = new ArrayList<>(nanos);
            Collections.sort(sorted);
            return new BenchResult(total, sorted.size(), refused.get(), seconds, sorted.size() / seconds,
                    percentileMs(sorted, 50), percentileMs(sorted, 99), List.copyOf(refusals), cpuNanos.get() / 1e6 / total);
        } finally {
            pool.shutdownNow();
        }
    }

    /** A member of the monitoring team of the target's school (the plan's own school unless the target names one). */
    private Caller monitorOf(Target target) {
        String school = target.schoolCode() != null ? target.schoolCode()
                : views.scopeOf(target.planId().value()).map(PlanScope::schoolCode).orElse(null);
        return new Caller("bench.gs." + school, "Thành viên đo hiệu năng", "Tổ giám sát", Set.of(Role.MONITOR), school,
                null, List.of());
    }

    /** Target positions grouped by plan, plans in the order they first appear. */
    private static List<List<Integer>> targetsByPlan(List<Target> targets) {
        Map<PlanId, List<Integer>> byPlan = new LinkedHashMap<>();
        for (int i = 0; i < targets.size(); i++) byPlan.computeIfAbsent(targets.get(i).planId(), p -> new ArrayList<>()).add(i);
        return List.copyOf(byPlan.values());
    }

    /** Client c's plans (positions): every clients-th plan from c; with fewer plans than clients, one shared plan. */
    private static List<Integer> dealt(int plans, int client, int clients) {
        List<Integer> mine = new ArrayList<>();
        for (int p = client; p < plans; p += clients) mine.add(p);
        if (mine.isEmpty()) mine.add(client % plans);
        return mine;
    }

    /** Nearest rank, in milliseconds; null when nothing was measured. */
    private static Double percentileMs(List<Long> sorted, int percentile) {
        if (sorted.isEmpty()) return null;
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, rank)) / 1e6;
    }
}
