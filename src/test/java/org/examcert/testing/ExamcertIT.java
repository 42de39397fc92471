package org.examcert.testing;

import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** An integration test: the embedded MariaDB and the SMTP server first, then Arquillian with Payara Micro. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(MariaDbForTests.class)
@ExtendWith(MailServerForTests.class)
@ExtendWith(ArquillianExtension.class)
public @interface ExamcertIT {
}
