package io.deploykit.camel.core.support;

import java.util.Arrays;
import java.util.stream.Collectors;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.NoTypeConversionAvailableException;
import org.apache.camel.util.ObjectHelper;

/**
 * Reads a component's resource from the URI path and the operation of an exchange from its header or the
 * {@code operation} option, and refuses an operation its resource does not declare (see
 * {@link DeployKitResource#operations()}), with the same words for the option and for the header.
 */
public final class OperationResolver<R extends Enum<R> & DeployKitResource<O>, O extends Enum<O> & DeployKitOperation> {

    private final String scheme;
    private final Class<R> resourceType;
    private final Class<O> operationType;
    private final String header;

    /**
     * @param header the header that overrides the {@code operation} option, such as {@code CamelBcOperation}
     */
    public OperationResolver(String scheme, Class<R> resourceType, Class<O> operationType, String header) {
        this.scheme = scheme;
        this.resourceType = resourceType;
        this.operationType = operationType;
        this.header = header;
    }

    /** The resource the URI path names (matched as Camel matches enum values), or null when it names none. */
    public R resource(CamelContext context, String path) throws NoTypeConversionAvailableException {
        return ObjectHelper.isEmpty(path) ? null : context.getTypeConverter().mandatoryConvertTo(resourceType, path);
    }

    /** At endpoint creation: the resource is named, and the operation option is given and one of its operations. */
    public void validate(R resource, O option) {
        if (resource == null) {
            throw new IllegalArgumentException("A " + scheme + " endpoint names its resource: " + Arrays
                    .stream(resourceType.getEnumConstants()).map(r -> scheme + ":" + r.name()).collect(Collectors.joining(" or ")));
        }
        if (option == null) {
            throw new IllegalArgumentException("The operation option is required for " + scheme + ":" + resource.name()
                                               + "; one of: " + allowed(resource));
        }
        check("operation", option, resource);
    }

    /** The operation of one exchange: the header when present, else the option; either is one of the resource's. */
    public O resolve(Exchange exchange, R resource, O option) {
        O fromHeader = exchange.getMessage().getHeader(header, operationType);
        return fromHeader == null ? option : check("header " + header, fromHeader, resource);
    }

    private O check(String source, O operation, R resource) {
        if (!resource.operations().contains(operation)) {
            throw new IllegalArgumentException(source + "=" + operation.uriValue() + " is not supported by " + scheme + ":"
                                               + resource.name() + "; use one of: " + allowed(resource));
        }
        return operation;
    }

    private static String allowed(DeployKitResource<?> resource) {
        return resource.operations().stream().map(DeployKitOperation::uriValue).collect(Collectors.joining(", "));
    }
}
