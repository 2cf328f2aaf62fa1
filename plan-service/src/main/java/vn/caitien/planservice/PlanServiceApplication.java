package vn.caitien.planservice;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The command side: decides plan commands and stores their events (and forgets old Idempotency-Key answers on a schedule). */
@SpringBootApplication
@EnableScheduling
public class PlanServiceApplication {
    public static void main(String[] args) {
        SpringApplication.run(PlanServiceApplication.class, args);
    }
}
