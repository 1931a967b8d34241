package io.deploykit.examples.filedrop;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

import io.deploykit.camel.bc.BcConstants;

/**
 * The three deployments. A file stays in its inbox while it is deployed; the file consumer then moves it to
 * {@code .done}, or to {@code .error} with a note of the reason beside it. If the application stops half-way, the file
 * is still in the inbox and is deployed again at the next start.
 */
@Component
class DeployRoutes extends RouteBuilder {

    private final FileDropProperties properties;

    DeployRoutes(FileDropProperties properties) {
        this.properties = properties;
    }

    @Override
    public void configure() {
        Inbox inbox = new Inbox(properties);

        // not handled: the exchange stays failed, so the consumer moves the file to .error
        onException(Exception.class).process(new FailureNote(inbox));

        from(inbox.consumer("rapidstart", "rapidstart")).routeId("rapidstart")
                .log("Picked ${file:name} (${file:size} bytes): deploying it to Business Central")
                .to("bc:configurationPackage?operation=deploy")
                .log("Deployed configuration package ${header.CamelBcPackageCode}: ${header.CamelBcNumberOfTables} tables,"
                     + " ${header.CamelBcNumberOfRecords} records, applyStatus=${header.CamelBcApplyStatus};"
                     + " moving ${file:name} to .done");

        from(inbox.consumer("pictures", "png,jpg,jpeg")).routeId("pictures")
                .setHeader(BcConstants.PARENT_NUMBER, simple("${file:onlyname.noext}"))
                .log("Picked ${file:name}: the picture of item ${header.CamelBcParentNumber}")
                .to("bc:picture?operation=update")
                .log("Updated the picture of item ${header.CamelBcParentNumber} (${body.width}x${body.height}"
                     + " ${body.contentType}); moving ${file:name} to .done");

        from(inbox.consumer("extensions", "zip")).routeId("extensions")
                .log("Picked ${file:name}: uploading it to Adobe Tags")
                .to("reactor:extensionPackage?operation=upload")
                .log("Extension package ${header.CamelReactorExtensionName} ${header.CamelReactorVersion}"
                     + " (${header.CamelReactorExtensionPackageId}) processed: ${header.CamelReactorStatus}")
                .filter(constant(properties.isReleasePrivate()))
                    .to("reactor:extensionPackage?operation=releasePrivate")
                    .log("Released ${header.CamelReactorExtensionName} ${header.CamelReactorVersion} to private")
                .end()
                .log("Moving ${file:name} to .done");
    }
}
