package vn.caitien.planservice.audit;

/** One {@code domain_event_entry} row as stored, the raw material of a verification. */
public record StoredEvent(long sequenceNumber, String eventIdentifier, String aggregateIdentifier, String payloadType,
                          String timestamp, byte[] payload, byte[] metaData) {
}
