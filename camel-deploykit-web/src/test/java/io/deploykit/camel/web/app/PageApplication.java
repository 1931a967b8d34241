package io.deploykit.camel.web.app;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A Camel Spring Boot application that adds nothing but the page's module (a package of its own: no scan of the module). */
@SpringBootApplication
public class PageApplication {
}
