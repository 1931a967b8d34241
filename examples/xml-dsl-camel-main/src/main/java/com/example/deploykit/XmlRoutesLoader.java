package com.example.deploykit;

import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.RoutesBuilderLoaderSupport;
import org.apache.camel.xml.in.ModelParser;

/**
 * Loads {@code *.xml} route files in Camel's XML IO DSL for camel-main, as {@code camel-xml-io-dsl} does: that
 * artifact is not served at Camel 4.22.0 where this project builds, so this stand-in parses the same files with
 * camel-xml-io's parser (4.22.0, from camel-bom). With camel-xml-io-dsl on the class path, delete this class and
 * {@code META-INF/services/org/apache/camel/routes-loader/xml}; routes.xml stays as it is.
 */
public class XmlRoutesLoader extends RoutesBuilderLoaderSupport {

    private static final String NAMESPACE = "http://camel.apache.org/schema/xml-io";

    @Override
    public String getSupportedExtension() {
        return "xml";
    }

    @Override
    public RoutesBuilder loadRoutesBuilder(Resource resource) {
        return new RouteBuilder() {
            @Override
            public void configure() throws Exception {
                new ModelParser(resource, NAMESPACE).parseRoutesDefinition()
                        .orElseThrow(() -> new IllegalArgumentException("No <routes> in " + resource.getLocation()))
                        .getRoutes().forEach(getRouteCollection()::route);
            }
        };
    }
}
