/** Money as an amount paired with its ISO 4217 currency. */
package com.billflow.money;
