/** What every feature shares: typed errors and their JSON form ({"error", "message"}). */
package com.billflow.common;
