package io.deploykit.emulator.reactor;

/**
 * Whether list requests drop their filters, as Adobe does with a filter it cannot parse: the whole list comes back.
 * Lets tests check that a client verifies what a filtered list returns.
 */
final class IgnoredFilters {

    private volatile boolean ignored;

    boolean ignored() {
        return ignored;
    }

    void set(boolean value) {
        ignored = value;
    }
}
