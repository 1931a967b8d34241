package io.deploykit.camel.bc;

import java.util.stream.Collectors;

import org.apache.camel.Exchange;

/** The operation of one exchange: the header CamelBcOperation when present, else the endpoint's. */
final class BcOperations {

    private BcOperations() {
    }

    static BcOperation of(Exchange exchange, BcConfiguration config, BcResource resource) {
        BcOperation operation = exchange.getMessage().getHeader(BcConstants.OPERATION, BcOperation.class);
        if (operation == null) {
            return config.getOperation();
        }
        if (!BcOperation.supportedBy(resource).contains(operation)) {
            throw new IllegalArgumentException("Header " + BcConstants.OPERATION + "=" + operation.uriValue()
                                               + " is not an operation of bc:" + resource + "; use one of: "
                                               + BcOperation.supportedBy(resource).stream().map(BcOperation::uriValue)
                                                       .collect(Collectors.joining(", ")));
        }
        return operation;
    }
}
