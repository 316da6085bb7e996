/** Rendered documents kept in the database with their SHA-256; renderers and mail below it. */
package com.billflow.document;
