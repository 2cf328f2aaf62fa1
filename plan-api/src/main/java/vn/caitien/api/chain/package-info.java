/**
 * What makes a plan's history tamper-evident outside plan-service's own database, shared by the
 * services that write and check it: seals (HMAC-SHA256 with keys kept in files the operator holds,
 * never in a database), signed checkpoints of each plan's head (Ed25519), and the key files.
 * <ul>
 *   <li>An event's <em>seal</em> (metadata {@code seal}) is {@link Seals#hmac} of its chain hash with the
 *   store's seal key: an attacker who can write the event table but has not the key cannot rewrite,
 *   forge or re-attribute an event without it showing.</li>
 *   <li>A Kafka record's <em>topic seal</em> (header {@link TopicSeal#HEADER}) is the HMAC of the record's
 *   value bytes with the topic key, which plan-service and the read services share: a record produced
 *   by anyone else onto the topic is refused by the read services.</li>
 *   <li>A {@link ChainCheckpoint} records a plan's head (sequence, hash) signed with plan-service's
 *   Ed25519 private key; anyone with the public key (an auditor too) can check it. Checkpoints are
 *   published on {@link ChainCheckpoint#TOPIC} and kept by reporting-service, so deleting the tail of
 *   the store shows against them.</li>
 * </ul>
 */
package vn.caitien.api.chain;
