/** Billflow: the application's entry point and its typed settings (billflow.* in application.yaml). */
package com.billflow;
