/** Read-only views for the back office: the "Pending PO#'s" panel and its API. */
package com.billflow.dashboard;
