/** Demo facilities and cases in every status, so Tasklist, Cockpit and the dashboard are lived-in on first start. */
package com.billflow.demo;
