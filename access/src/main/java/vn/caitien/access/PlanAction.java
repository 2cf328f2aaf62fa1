package vn.caitien.access;

import java.util.Set;

/** The changes a school makes to its own plan, and which of its people may make them. */
public enum PlanAction {
    CREATE_PLAN(Set.of(Role.PRINCIPAL)),
    APPROVE_PLAN(Set.of(Role.PRINCIPAL)),
    /** Add, amend or remove items; the principal chairs the self-assessment council. */
    EDIT_ITEMS(Set.of(Role.PRINCIPAL, Role.COUNCIL_MEMBER)),
    /** Staff only on the items they lead: see {@link Access#leadsItem}. */
    RECORD_PROGRESS(Set.of(Role.MONITOR, Role.STAFF)),
    SUBMIT_REPORT(Set.of(Role.PRINCIPAL, Role.MONITOR));

    private final Set<Role> roles;

    PlanAction(Set<Role> roles) {
        this.roles = roles;
    }

    public Set<Role> roles() {
        return roles;
    }
}
