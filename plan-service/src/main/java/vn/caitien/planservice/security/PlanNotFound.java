package vn.caitien.planservice.security;

/** A read for a plan that does not exist. */
public class PlanNotFound extends RuntimeException {
    public PlanNotFound(String planId) {
        super("Không có kế hoạch mã " + planId);
    }
}
