package io.deploykit.emulator.reactor.packages;

/**
 * Whether list requests drop their filters, as Adobe does with a filter it cannot parse: the whole list comes back.
 * Lets tests check that a client verifies what a filtered list returns.
 */
public final class IgnoredFilters {

    private volatile boolean ignored;

    boolean ignored() {
        return ignored;
    }

    public void set(boolean value) {
        ignored = value;
    }
}
