/** Spring Security over Camunda's identity service, and the seeding of groups, authorizations, filters and demo users. */
package com.billflow.security;
