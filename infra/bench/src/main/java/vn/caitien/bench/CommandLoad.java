package vn.caitien.bench;

import vn.caitien.infra.synthetic.SyntheticData.SyntheticProgress;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * RecordProgress over HTTP from 16 clients, each owning its own plans (as each school's team records on
 * its own plan), back to back: the load of 2 and of the large-store comparison in 5.
 */
final class CommandLoad {
    record Result(Stats latency, double perSecond, int accepted, int refused, List<String> firstRefusals) {
        String summary() {
            return Report.f("%,.0f commands/s; p50 %.1f ms, p99 %.1f ms (%,d accepted%s)", perSecond, latency.ms(50),
                    latency.ms(99), accepted, refused == 0 ? "" : Report.f(", %d refused", refused));
        }
    }

    private final BenchSystem system;
    private final Api api;
    private final List<Bench.LivePlan> plans;
    private final long seed;

    CommandLoad(BenchSystem system, Api api, List<Bench.LivePlan> plans, long seed) {
        this.system = system;
        this.api = api;
        this.plans = plans;
        this.seed = seed;
    }

    /** Starts the clients on the pool; {@link Running#await()} gives the result. */
    Running start(ExecutorService pool, int commands) {
        AtomicInteger next = new AtomicInteger();
        ConcurrentLinkedQueue<String> refusals = new ConcurrentLinkedQueue<>();
        AtomicInteger refused = new AtomicInteger();
        List<Future<List<Long>>> clients = new ArrayList<>();
        long started = System.nanoTime();
        for (int c = 0; c < Size.CLIENTS; c++) {
            int client = c;
            clients.add(pool.submit(() -> {
                Random random = new Random(seed + client);
                List<Bench.LivePlan> mine = new ArrayList<>();
                for (int i = client; i < plans.size(); i += Size.CLIENTS) mine.add(plans.get(i));
                if (mine.isEmpty()) mine.add(plans.get(client % plans.size()));
                List<Long> latencies = new ArrayList<>();
                int n = 0;
                while (next.getAndIncrement() < commands) {
                    Bench.LivePlan p = mine.get(n % mine.size());
                    int item = random.nextInt(p.itemIds().size());
                    List<SyntheticProgress> year = p.plan().items().get(item).progress();
                    SyntheticProgress progress = year.get((n / mine.size()) % year.size());
                    n++;
                    Api.Response r = api.post(system.plan.uri("/api/plans/" + p.planId() + "/items/"
                            + p.itemIds().get(item) + "/progress"), api.monitor(p.school()), progress.body());
                    if (r.status() == 201) {
                        latencies.add(r.nanos());
                    } else {
                        refused.incrementAndGet();
                        if (refusals.size() < 3) refusals.add(r.status() + " " + r.body());
                    }
                }
                return latencies;
            }));
        }
        return new Running(clients, started, refused, refusals);
    }

    record Running(List<Future<List<Long>>> clients, long started, AtomicInteger refused,
                   ConcurrentLinkedQueue<String> refusals) {
        Result await() throws Exception {
            List<Long> latencies = new ArrayList<>();
            for (Future<List<Long>> f : clients) latencies.addAll(f.get());
            double seconds = (System.nanoTime() - started) / 1e9;
            return new Result(Stats.of(latencies), latencies.size() / seconds, latencies.size(), refused.get(),
                    List.copyOf(refusals));
        }
    }
}
