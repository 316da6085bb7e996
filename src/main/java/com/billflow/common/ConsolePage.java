package com.billflow.common;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a controller of the Console's pages (SPEC §8), whatever its feature package: the Console's
 * frame (the signed-in person, the navigation) and its error pages apply to exactly these
 * controllers, never to the REST API's, which answer JSON.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ConsolePage {
}
