/** Demo facilities, cases, laboratories, clients and invoices in every status, so Tasklist, Cockpit and the dashboard are lived-in on first start. */
package com.billflow.demo;
