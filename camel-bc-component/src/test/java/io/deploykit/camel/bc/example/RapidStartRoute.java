package io.deploykit.camel.bc.example;

import org.apache.camel.builder.RouteBuilder;

/**
 * A user's route, as the README's example shows it: each RapidStart file dropped in the inbox is deployed to
 * Business Central, then moved to {@code .done}, or to {@code .error} when the deploy failed. The connection (base
 * URL, tenant, client credentials, company) is the {@code bc} component's configuration, not the route's.
 */
public class RapidStartRoute extends RouteBuilder {

    @Override
    public void configure() {
        from("file:{{inbox}}?include=.*\\.rapidstart&move=.done&moveFailed=.error")
                .to("bc:configurationPackage?operation=deploy")
                .log("Deployed ${header.CamelBcPackageCode}: ${header.CamelBcNumberOfRecords} records applied");
    }
}
