package vn.caitien.infra;

/**
 * Names of the Kafka topics the services exchange events on. Kept here, next to the embedded
 * stack that creates them, so that the launcher, the services and their tests agree.
 */
public final class Topics {

    /** Domain events of improvement plans; kept forever ({@code retention.ms=-1}). */
    public static final String PLAN_EVENTS = "caitien.plan.events";

    /** Latest progress per plan item; compacted, so only the newest record per key is kept. */
    public static final String PLAN_PROGRESS = "caitien.plan.progress";

    /**
     * Signed checkpoints of each plan's hash chain (vn.caitien.api.chain.ChainCheckpoint.TOPIC), keyed by plan id;
     * kept forever, like the events they anchor.
     */
    public static final String PLAN_CHECKPOINTS = "caitien.plan.checkpoints";

    /**
     * plan-service's event store head and publisher position every few seconds (vn.caitien.api.lag.StoreHead.TOPIC):
     * one partition, compacted (one key), so the read services measure their lag against the store.
     */
    public static final String PLAN_STORE_HEAD = "caitien.plan.store-head";

    /** Partitions of every topic records with the same key (aggregate id) stay in order. */
    public static final int PARTITIONS = 3;

    private Topics() {
    }
}
