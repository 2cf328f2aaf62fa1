package vn.caitien.planservice.audit;

import jakarta.annotation.PreDestroy;
import org.axonframework.common.Registration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Puts the {@link HashChainInterceptor} on Axon's event store when the context starts, before any command
 * can be handled. It hashes with the serializer the JDBC storage engine writes events with.
 */
@Component
class HashChainRegistration {
    /** Plans whose last hash is remembered; about 200 bytes each. */
    static final int REMEMBERED_PLANS = 4096;
    private final Registration registration;

    HashChainRegistration(EventStore eventStore, @Qualifier("eventSerializer") Serializer eventSerializer,
                          StoredEvents storedEvents, EventSeals seals) {
        this.registration = eventStore.registerDispatchInterceptor(new HashChainInterceptor(eventSerializer,
                new CommittedHashes(storedEvents, REMEMBERED_PLANS), seals));
    }

    @PreDestroy
    void cancel() { registration.cancel(); }
}
