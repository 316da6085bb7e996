package com.billflow.security;

import java.util.Collection;
import java.util.Set;

/**
 * The laboratories a caller may see and act for: every laboratory for {@code camunda-admin} (as
 * the engine skips its tenant check for them), otherwise the laboratories whose Camunda tenant the
 * user belongs to, directly or through a group. Made by {@link LaboratoryTenants#scopeOf(Caller)}.
 *
 * @param all             true for administrators: {@code laboratoryCodes} is then empty and means nothing
 * @param laboratoryCodes the codes of the caller's laboratories (each equal to its tenant id)
 */
public record LaboratoryScope(boolean all, Set<String> laboratoryCodes) {

    public static final LaboratoryScope ALL = new LaboratoryScope(true, Set.of());

    public LaboratoryScope {
        laboratoryCodes = Set.copyOf(laboratoryCodes);
    }

    public boolean includes(String laboratoryCode) {
        return all || laboratoryCodes.contains(laboratoryCode);
    }

    /** The codes to filter a query by, or null for no filter (administrators). */
    public Collection<String> filter() {
        return all ? null : laboratoryCodes;
    }
}
