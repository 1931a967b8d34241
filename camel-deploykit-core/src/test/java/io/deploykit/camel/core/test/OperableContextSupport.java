package io.deploykit.camel.core.test;

import java.nio.file.Path;

import org.apache.camel.Component;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Camel context of the test's own, as an operator runs it: JMX (when camel-management is on the class path), the
 * dev consoles and the producer health checks on. Stopped after each test.
 */
public abstract class OperableContextSupport {

    @TempDir
    protected Path dir;

    protected DefaultCamelContext context;

    /** Starts a context with the component under its scheme and the routes, whose endpoints register their MBeans. */
    protected DefaultCamelContext start(String scheme, Component component, RouteBuilder routes) throws Exception {
        context = new DefaultCamelContext();
        context.setDevConsole(true);
        context.addComponent(scheme, component);
        context.addRoutes(routes);
        context.start();
        HealthCheckHelper.getHealthCheckRepository(context, "producers").setEnabled(true); // as camel.health.producersEnabled=true does
        return context;
    }

    @AfterEach
    void stopContext() {
        if (context != null) {
            context.stop();
        }
        afterStop();
    }

    /** What a test class resets once its context has stopped. */
    protected void afterStop() {
    }
}
