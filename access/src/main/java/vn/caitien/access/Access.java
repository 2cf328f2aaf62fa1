package vn.caitien.access;

import java.util.List;
import java.util.Locale;

/**
 * Who may see and change which plan. One policy for the three services, so a plan is never visible
 * in one place and hidden in another: a school's people act on their own school only, officers and
 * auditors see the schools under their unit, administrators read everything and change no plan.
 */
public final class Access {
    private Access() {
    }

    /** May the caller make this change to a plan of this school? (Staff: also {@link #leadsItem}.) */
    public static boolean may(Caller caller, PlanAction action, PlanScope plan) {
        if (!ownSchool(caller, plan)) return false;
        return action.roles().stream().anyMatch(caller::has);
    }

    /** Progress on one item: the monitoring team on any item, staff on the items they lead. */
    public static boolean mayRecordProgress(Caller caller, PlanScope plan, String itemLead) {
        if (!ownSchool(caller, plan)) return false;
        return caller.has(Role.MONITOR) || caller.has(Role.STAFF) && leadsItem(caller, itemLead);
    }

    /** May the caller read the plan, its progress, reports and history? */
    public static boolean canRead(Caller caller, PlanScope plan) {
        if (caller.has(Role.ADMIN)) return true;
        if (ownSchool(caller, plan) && caller.roles().stream().anyMatch(Role::isSchoolRole)) return true;
        return (caller.has(Role.OFFICER) || caller.has(Role.AUDITOR)) && coversUnit(caller, plan.managingUnit());
    }

    /**
     * May the caller audit the plan (state as of a date, differences, hash-chain verification)?
     * Auditors within their scope, the school's principal who answers for it, administrators.
     */
    public static boolean canAudit(Caller caller, PlanScope plan) {
        if (caller.has(Role.ADMIN)) return true;
        if (caller.has(Role.PRINCIPAL) && ownSchool(caller, plan)) return true;
        if (!caller.has(Role.AUDITOR)) return false;
        return coversUnit(caller, plan.managingUnit()) || ownSchool(caller, plan);
    }

    /** May the caller look at the office views (roll-ups, submission tracker) of this unit? */
    public static boolean canOversee(Caller caller, List<String> unitPath) {
        if (caller.has(Role.ADMIN)) return true;
        return (caller.has(Role.OFFICER) || caller.has(Role.AUDITOR)) && coversUnit(caller, unitPath);
    }

    /** Maintenance: rebuilds, dead letters. */
    public static boolean canAdminister(Caller caller) {
        return caller.has(Role.ADMIN);
    }

    /**
     * Does a staff member lead this item? True when one of their labels appears in the item's
     * "Chủ trì" text, ignoring case ("Tổ trưởng chuyên môn" leads "Tổ trưởng chuyên môn, GVCN").
     */
    public static boolean leadsItem(Caller caller, String itemLead) {
        if (itemLead == null || itemLead.isBlank()) return false;
        String lead = itemLead.toLowerCase(Locale.ROOT);
        return caller.leads().stream().anyMatch(l -> lead.contains(l.toLowerCase(Locale.ROOT)));
    }

    /** The school's own people: same school code, and the plan has one. */
    public static boolean ownSchool(Caller caller, PlanScope plan) {
        return caller.schoolCode() != null && caller.schoolCode().equals(plan.schoolCode());
    }

    /** The caller's unit is a prefix of the path (a province officer covers its communes). */
    public static boolean coversUnit(Caller caller, List<String> path) {
        return isPrefix(caller.unit(), path);
    }

    /** Two managing-unit paths name the same unit (each part compared ignoring case and outer spaces). */
    public static boolean samePath(List<String> a, List<String> b) {
        return a != null && b != null && a.size() == b.size() && isPrefix(a, b);
    }

    private static boolean isPrefix(List<String> unit, List<String> path) {
        if (unit == null || path == null || unit.size() > path.size()) return false;
        for (int i = 0; i < unit.size(); i++) {
            if (!same(unit.get(i), path.get(i))) return false;
        }
        return true;
    }

    private static boolean same(String a, String b) {
        return a != null && b != null && a.strip().equalsIgnoreCase(b.strip());
    }
}
