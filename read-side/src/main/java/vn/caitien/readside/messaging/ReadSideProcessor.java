package vn.caitien.readside.messaging;

/**
 * The one tracking processor of a read service, as the service declares it (a bean): the read-side
 * auto-configuration gives that processor its Kafka source, dedup, batched writes, chain guard, dead-letter
 * queue, health and metrics. The name is also the service's {@code @ProcessingGroup}, its rows in
 * {@code token_entry}, {@code processed_event} and {@code dead_letter_entry}, and the {@code processor} tag
 * of its metrics, so it never changes once a database holds it.
 *
 * @param name      the processing group, e.g. "monitoring"
 * @param readModel what its projections keep, as the metrics' descriptions name it, e.g. "bảng theo dõi"
 */
public record ReadSideProcessor(String name, String readModel) {
    public ReadSideProcessor {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("A read-side processor needs a name");
        if (readModel == null || readModel.isBlank()) throw new IllegalArgumentException("Name what the processor keeps");
    }

    /** The Kafka client that reads plan-service's store head for this processor's lag. */
    public String storeHeadClientId() { return name + "-store-head"; }
}
