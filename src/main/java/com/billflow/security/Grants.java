package com.billflow.security;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

/**
 * Adds a permission to the one GRANT authorization Camunda keeps per user (or group) and resource,
 * creating it when there is none; a permission already granted changes nothing.
 */
public final class Grants {

    private Grants() {
    }

    /** Grants {@code permission} on {@code resource}/{@code resourceId} to the user {@code userId}. */
    public static void toUser(AuthorizationService authorizations, String userId, Resource resource, String resourceId, Permission permission) {
        grant(authorizations, userId, null, resource, resourceId, permission);
    }

    /** Grants {@code permission} on {@code resource}/{@code resourceId} to the group {@code groupId}. */
    public static void toGroup(AuthorizationService authorizations, String groupId, Resource resource, String resourceId, Permission permission) {
        grant(authorizations, null, groupId, resource, resourceId, permission);
    }

    private static void grant(AuthorizationService authorizations, String userId, String groupId, Resource resource, String resourceId,
                              Permission permission) {
        var query = authorizations.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT).resourceType(resource).resourceId(resourceId);
        Authorization authorization = (userId != null ? query.userIdIn(userId) : query.groupIdIn(groupId)).singleResult();
        if (authorization == null) {
            authorization = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
            authorization.setUserId(userId);
            authorization.setGroupId(groupId);
            authorization.setResource(resource);
            authorization.setResourceId(resourceId);
        } else if (authorization.isPermissionGranted(permission)) {
            return;
        }
        authorization.addPermission(permission);
        authorizations.saveAuthorization(authorization);
    }
}
