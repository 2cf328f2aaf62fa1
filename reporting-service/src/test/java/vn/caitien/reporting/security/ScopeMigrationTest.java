package vn.caitien.reporting.security;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import vn.caitien.readside.ReadSideAutoConfiguration;
import vn.caitien.reporting.TestStack;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reporting schema filled before plans had a school code in the directory gets it from the plans'
 * PlanCreated events when it migrates, so existing plans stay readable by their own schools.
 */
class ScopeMigrationTest {

    @Test
    void existingPlansGetTheirSchoolCodeFromTheirPlanCreatedEvent() {
        String schema = "reporting_before_scope";
        DriverManagerDataSource data = new DriverManagerDataSource(
                TestStack.get().postgres().jdbcUrl("caitien", schema), "postgres", "");
        Flyway.configure().dataSource(data).locations("classpath:db/migration", ReadSideAutoConfiguration.MIGRATIONS)
                .schemas(schema).createSchemas(true).target("4").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(data);
        jdbc.update("""
                insert into plan_directory (plan_id, school_name, managing_unit, school_year, framework_id, approved)
                values ('p1', 'Trường Tiểu học Lê Đình Chinh', '{"Thành phố Hồ Chí Minh","Quận 10"}', '2023-2024',
                        'TT17-2018', true), ('p2', null, '{}', '2023-2024', 'TT17-2018', false)""");
        jdbc.update("""
                insert into plan_event (plan_id, sequence, event_id, type, recorded_at, description, payload) values
                ('p1', 0, 'e1', 'PlanCreated', now(), 'Lập kế hoạch',
                 '{"planId": "p1", "school": {"name": "Trường Tiểu học Lê Đình Chinh", "code": "79000701",
                   "managingUnit": ["Thành phố Hồ Chí Minh", "Quận 10"]}}'),
                ('p1', 1, 'e2', 'PlanApproved', now(), 'Ban hành', '{"planId": "p1", "school": {"code": "sai"}}'),
                ('p2', 0, 'e3', 'PlanCreated', now(), 'Lập kế hoạch', '{"planId": "p2", "school": null}')""");

        Flyway.configure().dataSource(data).locations("classpath:db/migration", ReadSideAutoConfiguration.MIGRATIONS)
                .schemas(schema).load().migrate();

        assertThat(jdbc.queryForObject("select school_code from plan_directory where plan_id = 'p1'", String.class))
                .isEqualTo("79000701");
        assertThat(jdbc.queryForObject("select school_code from plan_directory where plan_id = 'p2'", String.class))
                .isNull();
        assertThat(jdbc.queryForObject("select count(*) from plan_event where actor_id is not null", Long.class))
                .isZero();
    }
}
