package com.billflow.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Tenant;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One Camunda tenant per laboratory (tenant id = laboratory code, name = laboratory name): a user
 * is an office manager <em>of</em> a laboratory by being a member of its tenant (directly or through
 * a group), as set in Camunda Admin under Tenants. The engine filters tasks, instances, variables
 * and history by these memberships (its tenant check); {@link #scopeOf(Caller)} gives {@code /api}
 * the same answer from the same memberships, so both always agree.
 */
@Component
public class LaboratoryTenants {

    private final IdentityService identity;

    LaboratoryTenants(IdentityService identity) {
        this.identity = identity;
    }

    /** The tenant id of a laboratory: its code, which the tenant id pattern of application.yaml admits. */
    public static String tenantIdOf(String laboratoryCode) {
        return laboratoryCode;
    }

    /** Creates the laboratory's tenant, or renames it when the laboratory's name changed; joins the caller's transaction. */
    public void ensure(String laboratoryCode, String laboratoryName) {
        String tenantId = tenantIdOf(laboratoryCode);
        Tenant tenant = identity.createTenantQuery().tenantId(tenantId).singleResult();
        if (tenant == null) {
            tenant = identity.newTenant(tenantId);
        } else if (laboratoryName.equals(tenant.getName())) {
            return;
        }
        tenant.setName(laboratoryName);
        identity.saveTenant(tenant);
    }

    /** Makes the user an office manager of the laboratory (if not already); the tenant must exist. */
    public void addUser(String laboratoryCode, String userId) {
        String tenantId = tenantIdOf(laboratoryCode);
        if (identity.createTenantQuery().tenantId(tenantId).userMember(userId).count() == 0) {
            identity.createTenantUserMembership(tenantId, userId);
        }
    }

    /** The ids of the tenants the user belongs to, directly or through one of their groups. */
    public List<String> tenantIdsOf(String userId) {
        return identity.createTenantQuery().userMember(userId).includingGroupsOfUser(true).list().stream()
                .map(Tenant::getId).toList();
    }

    /** What the caller may see: see {@link LaboratoryScope}. */
    public LaboratoryScope scopeOf(Caller caller) {
        if (caller.isIn(Groups.ADMIN)) {
            return LaboratoryScope.ALL;
        }
        return new LaboratoryScope(false, tenantIdsOf(caller.userId()).stream().collect(Collectors.toSet()));
    }
}
