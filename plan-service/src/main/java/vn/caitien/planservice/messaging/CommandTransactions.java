package vn.caitien.planservice.messaging;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.List;

/**
 * A command sent inside a request that already has a transaction (the Idempotency-Key filter's) runs
 * in a savepoint of it: its events, the plan view and the remembered answer commit together, or not at
 * all. A refused command (or a concurrency conflict that is retried) rolls back to its savepoint only.
 */
@Configuration
public class CommandTransactions {

    @Bean
    TransactionManager axonTransactionManager(PlatformTransactionManager transactions) {
        return new SpringTransactionManager(transactions,
                new DefaultTransactionDefinition(TransactionDefinition.PROPAGATION_NESTED)) {
            /**
             * Axon's unit of work rolls back on exceptions only: an Error (out of memory, stack overflow) thrown in
             * its prepare-commit phase, where the events are appended, ended it with its transaction neither
             * committed nor rolled back, still bound to the request thread. The next request on that thread then
             * ran inside it, and its commit was no commit: 201 with nothing stored. Whatever ends the unit of work,
             * its cleanup now rolls back a transaction it left open.
             */
            @Override
            public Transaction startTransaction() {
                Transaction transaction = super.startTransaction();
                if (CurrentUnitOfWork.isStarted() && CurrentUnitOfWork.get().phase() == UnitOfWork.Phase.STARTED) {
                    CurrentUnitOfWork.get().onCleanup(u -> transaction.rollback());
                }
                return transaction;
            }

            @Override
            protected void commitTransaction(TransactionStatus status) {
                if ((status.isNewTransaction() || status.hasSavepoint()) && !status.isCompleted()) transactions.commit(status);
            }

            @Override
            protected void rollbackTransaction(TransactionStatus status) {
                if ((status.isNewTransaction() || status.hasSavepoint()) && !status.isCompleted()) transactions.rollback(status);
            }
        };
    }

    /**
     * Connections as Spring binds them to the transaction. Axon's default wraps them in a unit-of-work
     * attached connection that commits and rolls back the raw connection itself when the unit of work
     * ends, which would end the request's transaction too, not just the command's savepoint.
     */
    @Bean
    ConnectionProvider connectionProvider(DataSource dataSource) {
        return new SpringDataSourceConnectionProvider(dataSource);
    }

    /** As Axon's JdbcAutoConfiguration builds it (which steps aside once an event store bean exists). */
    @Bean
    EventStorageEngine eventStorageEngine(Serializer defaultSerializer, PersistenceExceptionResolver persistenceExceptionResolver,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          org.axonframework.config.Configuration configuration,
                                          ConnectionProvider connectionProvider, TransactionManager transactionManager,
                                          EventSchema eventSchema) {
        return JdbcEventStorageEngine.builder().snapshotSerializer(defaultSerializer)
                .upcasterChain(configuration.upcasterChain()).persistenceExceptionResolver(persistenceExceptionResolver)
                .eventSerializer(eventSerializer).snapshotFilter(configuration.snapshotFilter())
                .connectionProvider(connectionProvider).transactionManager(transactionManager).schema(eventSchema).build();
    }

    /**
     * Axon wakes the event store's readers (the Kafka publisher) when the command's unit of work
     * commits; inside an outer transaction the events become visible only when that one commits, so
     * wake them then, not a fetch delay later. The fetch delay still bounds how long a reader that fell
     * behind the store's cache, or waits for an event committed out of order, waits before it asks the
     * database again: a second (Axon's default) showed as second-long stalls on the way to Kafka under load.
     */
    @Qualifier("eventStore")
    @Bean(name = "eventBus")
    EmbeddedEventStore eventStore(EventStorageEngine storageEngine, org.axonframework.config.Configuration configuration,
                                  @Value("${caitien.publishing.fetch-delay:200ms}") Duration fetchDelay) {
        return new EmbeddedEventStore(EmbeddedEventStore.builder().storageEngine(storageEngine)
                .fetchDelay(fetchDelay.toMillis())
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class))) {
            @Override
            protected void afterCommit(List<? extends EventMessage<?>> events) {
                if (TransactionSynchronizationManager.isSynchronizationActive()) {
                    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                        @Override
                        public void afterCompletion(int status) { wake(events); }
                    });
                } else {
                    super.afterCommit(events);
                }
            }

            private void wake(List<? extends EventMessage<?>> events) { super.afterCommit(events); }
        };
    }
}
