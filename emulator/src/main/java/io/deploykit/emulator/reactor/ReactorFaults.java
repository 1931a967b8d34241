package io.deploykit.emulator.reactor;

import io.deploykit.emulator.http.Faults;
import io.deploykit.emulator.http.TokenIssuer;
import io.deploykit.emulator.reactor.manifest.ProcessingError;
import io.deploykit.emulator.reactor.packages.IgnoredFilters;
import io.deploykit.emulator.reactor.packages.PackageProcessing;

/**
 * The faults of the Reactor emulator: those of every emulator (429 and 503 with or without Retry-After, slow
 * answers, dropped connections, expired tokens; see {@link Faults}) and the processing's own: packages that stay
 * {@code pending}, and a processing that fails.
 */
public final class ReactorFaults extends Faults {

    private final PackageProcessing processing;
    private final IgnoredFilters filters;

    ReactorFaults(TokenIssuer tokens, String apiPathRegex, PackageProcessing processing, IgnoredFilters filters) {
        super(tokens, apiPathRegex);
        this.processing = processing;
        this.filters = filters;
    }

    /** While true, list requests ignore their filters and answer with every package, as Adobe does with a malformed one. */
    public ReactorFaults ignoreListFilters(boolean ignore) {
        filters.set(ignore);
        return this;
    }

    /** While true, packages stay {@code pending}; set false, the waiting ones are processed. */
    public ReactorFaults stickProcessing(boolean stuck) {
        processing.stick(stuck);
        return this;
    }

    /**
     * The next processing to complete ends {@code failed} with this error detail (code
     * {@value ProcessingError#INJECTED_ERROR}), whatever its zip holds.
     */
    public ReactorFaults failNextProcessing(String detail) {
        return failNextProcessing(ProcessingError.INJECTED_ERROR, detail);
    }

    /** The next processing to complete ends {@code failed} with this error code and detail. */
    public ReactorFaults failNextProcessing(String code, String detail) {
        processing.failNext(new ProcessingError(code, "Extension package processing failed", detail));
        return this;
    }

    /** Removes the pending HTTP faults, lets stuck packages move on, forgets an injected failure, honours filters. */
    @Override
    public void clear() {
        super.clear();
        processing.reset();
        filters.set(false);
    }
}
