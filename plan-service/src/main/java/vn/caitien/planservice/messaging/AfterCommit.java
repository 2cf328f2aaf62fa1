package vn.caitien.planservice.messaging;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Work to do once what a command stored is committed, for memories of committed state (plans kept between
 * commands, the hash of a plan's last event): when the outermost Spring transaction commits (an
 * Idempotency-Key request's, not the command's savepoint, see {@link CommandTransactions}), or the unit of
 * work when there is no transaction. Never after a rollback, and not at all outside both.
 */
public final class AfterCommit {
    private AfterCommit() {
    }

    public static void run(Runnable work) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() { work.run(); }
            });
        } else if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().afterCommit(u -> work.run());
        }
    }
}
