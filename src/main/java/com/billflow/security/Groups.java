package com.billflow.security;

import java.util.List;

/** The Camunda groups of SPEC §2; group ids double as Spring Security authorities. */
public final class Groups {

    public static final String SALES_REP = "sales-rep";
    public static final String BILLING = "billing";
    public static final String OFFICE_MANAGER = "office-manager";
    public static final String ADMIN = "camunda-admin";

    public static final List<String> ALL = List.of(SALES_REP, BILLING, OFFICE_MANAGER, ADMIN);

    private Groups() {
    }
}
