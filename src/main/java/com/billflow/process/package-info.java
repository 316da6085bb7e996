/** Deploying processes/ and forms/ to the engine, and completing user tasks on behalf of API callers. */
package com.billflow.process;
