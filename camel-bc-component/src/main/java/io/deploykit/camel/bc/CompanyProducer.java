package io.deploykit.camel.bc;

import java.util.concurrent.CompletableFuture;

import org.apache.camel.Exchange;

import io.deploykit.camel.core.support.DeployKitProducer;

/** The companies of the endpoint's environment: to check or resolve the companies a deploy targets. */
final class CompanyProducer extends DeployKitProducer<BcEndpoint, BcOperation> {

    CompanyProducer(BcEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    protected CompletableFuture<?> operate(BcOperation operation, Exchange exchange) {
        if (operation != BcOperation.list) {
            throw new IllegalStateException("unreachable: " + operation + " was validated");
        }
        return getEndpoint().api().companies().thenAccept(companies -> exchange.getMessage().setBody(companies));
    }
}
