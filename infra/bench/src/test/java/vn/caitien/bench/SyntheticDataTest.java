package vn.caitien.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import vn.caitien.api.wire.CloudEventsConverter;
import vn.caitien.infra.synthetic.SyntheticData;
import vn.caitien.infra.synthetic.SyntheticData.SyntheticPlan;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The generator's data is deterministic, uses real criteria and reads back as the real event classes. */
class SyntheticDataTest {
    private final SyntheticData data = new SyntheticData(7, 40, 10, 1, 4);

    @Test
    void sameSeedSameData() {
        for (int i = 0; i < 40; i++) {
            assertThat(new SyntheticData(7, 40, 10, 1, 4).plan(i).cloudEvents()).isEqualTo(data.plan(i).cloudEvents());
        }
        assertThat(new SyntheticData(8, 40, 10, 1, 4).plan(0).createPlanBody()).isNotEqualTo(data.plan(0).createPlanBody());
    }

    @Test
    void plansHaveFiveToTwentyItemsOnTheirFrameworksCriteria() {
        Set<SyntheticData.SchoolType> types = new HashSet<>();
        for (int i = 0; i < 40; i++) {
            SyntheticPlan plan = data.plan(i);
            types.add(plan.school().type());
            assertThat(plan.items()).hasSizeBetween(5, 20);
            var codes = SyntheticData.criteria(plan.school().type().frameworkId()).stream()
                    .map(SyntheticData.Criterion::code).toList();
            plan.items().forEach(item -> assertThat(codes).contains(item.criterion().code()));
            assertThat(plan.school().province()).isEqualTo(i < 10 ? SyntheticData.OFFICE_PROVINCE : plan.school().province());
        }
        assertThat(types).hasSizeGreaterThanOrEqualTo(4);
    }

    @Test
    void eventsReadBackAsThePlanEvents() throws Exception {
        CloudEventsConverter converter = new CloudEventsConverter();
        ObjectMapper json = new ObjectMapper();
        for (int i = 0; i < 40; i++) {
            var events = data.plan(i).cloudEvents();
            assertThat(events.size()).isEqualTo(data.eventCount(i));
            for (var e : events) {
                var message = converter.read(json.readTree(e.value()));
                assertThat(message.getPayload()).isNotNull();
            }
        }
    }
}
