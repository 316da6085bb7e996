/** Reference data kept by administrators: facilities and their billing contacts. */
package com.billflow.directory;
