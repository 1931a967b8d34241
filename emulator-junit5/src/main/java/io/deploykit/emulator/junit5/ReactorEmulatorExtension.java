package io.deploykit.emulator.junit5;

import java.time.Duration;
import java.util.Map;

import io.deploykit.emulator.reactor.ReactorEmulator;

/**
 * A JUnit 5 extension that runs an Adobe Tags (Reactor) emulator (and its IMS token endpoint) for each test class,
 * for tests of routes that use the {@code reactor:} component. It hands the test the emulator (its
 * {@linkplain ReactorEmulator#faults() faults} to inject, the {@linkplain ReactorEmulator#requests() requests} it
 * answered, the {@linkplain ReactorEmulator#uploads() zips uploaded} and {@linkplain ReactorEmulator#releases()
 * releases}, the {@linkplain ReactorEmulator#packages() packages} it holds) and a {@link ReactorConnection} with the
 * options to point {@code reactor:} at it: as parameters of test, lifecycle and constructor methods, as
 * {@link InjectEmulator} fields, or from {@link #emulator()} and {@link #connection()}. The request record is
 * cleared before each test, the faults after each.
 * <pre>{@code
 * @RegisterExtension
 * static final ReactorEmulatorExtension REACTOR = ReactorEmulatorExtension.builder().build();
 *
 * @Test
 * void uploadsTheZip(ReactorEmulator reactor, ReactorConnection connection) {
 *     String uri = "reactor:extensionPackage?operation=upload&" + connection.uriOptions();
 *     // ... send a zip to uri; reactor.uploads() holds it
 * }
 * }</pre>
 * The defaults are the emulator's (see {@link ReactorEmulator#builder()}: a free port, client
 * {@value ReactorEmulator#DEFAULT_CLIENT_ID}, organization {@value ReactorEmulator#DEFAULT_ORG_ID}), except that
 * processing a package takes {@link #DEFAULT_PROCESSING_TIME 100 ms} instead of a second.
 */
public final class ReactorEmulatorExtension
        extends EmulatorExtension<ReactorEmulator, ReactorConnection, ReactorEmulator.Builder> {

    /** How long a package stays pending unless set: short, for tests. */
    public static final Duration DEFAULT_PROCESSING_TIME = Duration.ofMillis(100);

    /** An extension with the defaults, as {@code @ExtendWith(ReactorEmulatorExtension.class)} makes it. */
    public ReactorEmulatorExtension() {
        this(builder());
    }

    private ReactorEmulatorExtension(Builder builder) {
        super(ReactorEmulator.class, ReactorConnection.class, builder);
    }

    /** A builder with the defaults of the class comment. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    protected ReactorEmulator start(ReactorEmulator.Builder builder) {
        return builder.start();
    }

    @Override
    protected ReactorConnection connect(ReactorEmulator reactor, Map.Entry<String, String> client) {
        return new ReactorConnection(reactor.baseUrl(), reactor.tokenUrl(), client.getKey(), client.getValue(),
                reactor.orgId());
    }

    /** The options of a {@link ReactorEmulatorExtension}: those of {@link EmulatorExtension.Builder} and these. */
    public static final class Builder
            extends EmulatorExtension.Builder<Builder, ReactorEmulator.Builder, ReactorEmulatorExtension> {

        private Builder() {
            super(ReactorEmulator::builder);
            processingTime(DEFAULT_PROCESSING_TIME);
        }

        /** How long a package stays pending before its zip is processed (100 ms unless set). */
        public Builder processingTime(Duration time) {
            return step(builder -> builder.processingTime(time));
        }

        /** The IMS organization that owns the packages, the connection's {@code imsOrgId}. */
        public Builder orgId(String orgId) {
            return step(builder -> builder.orgId(orgId));
        }

        @Override
        public ReactorEmulatorExtension build() {
            return new ReactorEmulatorExtension(this);
        }
    }
}
