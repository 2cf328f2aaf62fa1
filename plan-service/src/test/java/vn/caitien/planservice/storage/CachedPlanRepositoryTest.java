package vn.caitien.planservice.storage;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.caitien.api.item.ActionItemAdded;
import vn.caitien.api.item.ActionItemId;
import vn.caitien.api.item.ActionItemRemoved;
import vn.caitien.api.item.AddActionItem;
import vn.caitien.api.plan.PlanId;
import vn.caitien.api.wire.MetadataKeys;
import vn.caitien.planservice.Api;
import vn.caitien.planservice.ApiTestSupport;
import vn.caitien.planservice.Tokens;
import vn.caitien.planservice.domain.PlanSamples;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Plans kept in memory between commands ({@link CachedPlanRepository}) never decide a command the store would
 * decide otherwise: when another instance of plan-service has appended to the plan, the kept plan is set aside
 * and the plan loaded from the store; a command whose transaction rolls back leaves nothing kept (neither the
 * plan nor the hash of its event). (A race
 * with another instance that appends while a command is in flight is refused by the store's unique key:
 * VersionApiTest and IdempotentCommandTransactionTest.)
 */
class CachedPlanRepositoryTest extends StoredPlanTestSupport {
    @Autowired
    CommandGateway commands;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void consecutiveCommandsUseTheKeptPlan() throws Exception {
        double fromCache = loads("cache");
        double fromStore = loads("store");
        for (int percent = 10; percent <= 30; percent += 10) {
            assertThat(recordProgress(item, percent).status()).isEqualTo(201);
        }
        assertThat(loads("cache") - fromCache).isEqualTo(3);
        assertThat(loads("store") - fromStore).isZero();
    }

    @Test
    void anItemAnotherInstanceAddedIsKnownToTheNextCommand() throws Exception {
        assertThat(recordProgress(item, 10).status()).isEqualTo(201); // the plan is kept at this version
        String added = "them-boi-phien-ban-khac";
        appendedByAnotherInstance(new ActionItemAdded(PlanId.of(plan), ActionItemId.of(added),
                PlanSamples.details("3.4", null), "Bổ sung theo góp ý của tổ giám sát"));
        long version = storedVersion();
        double stale = loads("stale");

        Api.Response recorded = recordProgress(added, 20);

        assertThat(recorded.status()).as(recorded.body().toString()).isEqualTo(201);
        assertThat(loads("stale") - stale).isEqualTo(1);
        assertThat(storedVersion()).isEqualTo(version + 1);
    }

    @Test
    void anItemAnotherInstanceRemovedIsRefusedAndNothingIsStored() throws Exception {
        assertThat(recordProgress(otherItem, 10).status()).isEqualTo(201);
        appendedByAnotherInstance(new ActionItemRemoved(PlanId.of(plan), ActionItemId.of(otherItem), "Gộp vào nội dung 3.4"));
        long version = storedVersion();

        Api.Response refused = recordProgress(otherItem, 20);

        assertThat(refused.status()).as(refused.body().toString()).isEqualTo(404);
        assertThat(storedVersion()).isEqualTo(version);
    }

    /**
     * A command sent inside a larger transaction (as the Idempotency-Key filter does) that rolls back after the
     * command succeeded: the item it added is not stored, so adding it again must be accepted, not refused as
     * a duplicate by a plan kept from the rolled-back command.
     */
    @Test
    void aCommandWhoseTransactionRollsBackLeavesNoKeptPlan() throws Exception {
        ActionItemId itemId = ActionItemId.of("noi-dung-bi-huy");
        long version = storedVersion();
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            addItem(itemId);
            tx.setRollbackOnly();
        });
        assertThat(storedVersion()).isEqualTo(version);
        double fromStore = loads("store");

        assertThat((Object) addItem(itemId)).isEqualTo(itemId);

        assertThat(loads("store") - fromStore).isEqualTo(1);
        assertThat(storedVersion()).isEqualTo(version + 1);
        // Nor is the hash of the rolled-back event remembered: the chain goes on from the stored one.
        assertThat(recordProgress(itemId.value(), 10).status()).isEqualTo(201);
        JsonNode chain = api.get("/api/plans/" + plan + "/verify", Tokens.admin()).body();
        ApiTestSupport.assertChainUntampered(chain);
    }

    private ActionItemId addItem(ActionItemId itemId) {
        return commands.sendAndWait(GenericCommandMessage.asCommandMessage(new AddActionItem(PlanId.of(plan), itemId,
                PlanSamples.details("3.4", null), "Bổ sung")).andMetaData(MetaData.with(MetadataKeys.ACTOR, "Kiểm thử")));
    }

    @Test
    void withNoPlansKeptEveryCommandLoadsFromTheStore() throws Exception {
        recentPlans.clear();
        double fromStore = loads("store");
        assertThat(recordProgress(item, 10).status()).isEqualTo(201);
        assertThat(loads("store") - fromStore).isEqualTo(1);
    }
}
