package vn.caitien.api.plan;

/** Every event of a plan's stream names its plan, which is also the Kafka record key. */
public interface PlanEvent {
    PlanId planId();
}
