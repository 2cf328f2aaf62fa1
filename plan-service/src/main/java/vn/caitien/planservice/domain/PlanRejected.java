package vn.caitien.planservice.domain;

/** A command the plan refused; nothing was stored. */
public class PlanRejected extends RuntimeException {
    private final Rejection rejection;
    private final String field;

    public PlanRejected(Rejection rejection, String detail) {
        this(rejection, rejection.field(), detail);
    }

    public PlanRejected(Rejection rejection, String field, String detail) {
        super(detail);
        this.rejection = rejection;
        this.field = field;
    }

    public Rejection rejection() { return rejection; }

    public String field() { return field; }
}
