/** Reference data kept by administrators: facilities and their billing contacts, laboratories and clients. */
package com.billflow.directory;
