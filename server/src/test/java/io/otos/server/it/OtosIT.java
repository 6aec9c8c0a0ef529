package io.otos.server.it;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An integration test against the real server: the {@link TestEnvironment} first (database, keys),
 * then Arquillian, which starts Payara Micro with the WAR. Every class so marked starts its own
 * Payara Micro, so group tests into few classes.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith({TestEnvironment.class, ArquillianExtension.class})
public @interface OtosIT {}
