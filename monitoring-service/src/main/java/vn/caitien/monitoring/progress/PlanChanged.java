package vn.caitien.monitoring.progress;

/** Published by the projection; listeners hear it only after the change is committed. */
public record PlanChanged(String planId) {
}
