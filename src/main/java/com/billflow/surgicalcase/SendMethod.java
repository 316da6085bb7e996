package com.billflow.surgicalcase;

/** How the invoice reached the facility: mailed by Billflow, or downloaded and sent by the user. */
public enum SendMethod {
    EMAIL,
    MANUAL
}
