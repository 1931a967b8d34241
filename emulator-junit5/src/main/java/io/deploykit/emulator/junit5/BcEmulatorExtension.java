package io.deploykit.emulator.junit5;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

import io.deploykit.emulator.bc.BcEmulator;

/**
 * A JUnit 5 extension that runs a Business Central emulator (and its Entra ID token endpoint) for each test class,
 * for tests of routes that use the {@code bc:} component. It hands the test the emulator (its
 * {@linkplain BcEmulator#faults() faults} to inject, the {@linkplain BcEmulator#requests() requests} it answered,
 * the {@linkplain BcEmulator#applies() packages applied}, the {@linkplain BcEmulator#packageByCode packages} a
 * company holds) and a {@link BcConnection} with the options to point {@code bc:} at it: as parameters of test,
 * lifecycle and constructor methods, as {@link InjectEmulator} fields, or from {@link #emulator()} and
 * {@link #connection()}. The request record is cleared before each test, the faults after each.
 * <pre>{@code
 * class DeployRouteTest extends CamelTestSupport {
 *
 *     @RegisterExtension
 *     static final BcEmulatorExtension BC = BcEmulatorExtension.builder().companyName("My Company").build();
 *
 *     @Override
 *     protected CamelContext createCamelContext() throws Exception {
 *         CamelContext context = super.createCamelContext();
 *         BcComponent bc = new BcComponent();
 *         Map<String, Object> options = new HashMap<>(BC.connection().options());
 *         options.put("pollInterval", 50); // job steps take 100 ms: look often
 *         PropertyBindingSupport.bindProperties(context, bc.getConfiguration(), options);
 *         context.addComponent("bc", bc);
 *         return context;
 *     }
 *
 *     @Test
 *     void aFailedApplyFailsTheExchange(BcEmulator bc) {
 *         bc.faults().applyFailure("ITEMS", "The record already exists");
 *         // ... send a RapidStart file with code ITEMS: the exchange fails; the next test finds no fault
 *     }
 * }
 * }</pre>
 * Or, with the defaults, {@code @ExtendWith(BcEmulatorExtension.class)} and the emulator as a parameter. The
 * defaults are the emulator's (see {@link BcEmulator#builder()}: a free port, tenant
 * {@value BcEmulator#DEFAULT_TENANT}, client {@value BcEmulator#DEFAULT_CLIENT_ID}), except that job steps take
 * {@link #DEFAULT_JOB_STEP 100 ms} instead of a second, and the connection names the company
 * {@value #DEFAULT_COMPANY}.
 */
public final class BcEmulatorExtension extends EmulatorExtension<BcEmulator, BcConnection, BcEmulator.Builder> {

    /** How long each step of an import or apply takes unless set: short, for tests. */
    public static final Duration DEFAULT_JOB_STEP = Duration.ofMillis(100);
    /** The demo company the connection names unless set. */
    public static final String DEFAULT_COMPANY = "CRONUS USA, Inc.";

    private final String companyName;

    /** An extension with the defaults, as {@code @ExtendWith(BcEmulatorExtension.class)} makes it. */
    public BcEmulatorExtension() {
        this(builder());
    }

    private BcEmulatorExtension(Builder builder) {
        super(BcEmulator.class, BcConnection.class, builder);
        this.companyName = builder.companyName;
    }

    /** A builder with the defaults of the class comment. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    protected BcEmulator start(BcEmulator.Builder builder) {
        return builder.start();
    }

    @Override
    protected BcConnection connect(BcEmulator bc, Map.Entry<String, String> client) {
        return new BcConnection(bc.apiBaseUrl(), bc.tokenUrl(), bc.tenant(), bc.environment(), client.getKey(),
                client.getValue(), companyName, bc.company(companyName).id());
    }

    /** The options of a {@link BcEmulatorExtension}: those of {@link EmulatorExtension.Builder} and these. */
    public static final class Builder extends EmulatorExtension.Builder<Builder, BcEmulator.Builder, BcEmulatorExtension> {

        private String companyName = DEFAULT_COMPANY;

        private Builder() {
            super(BcEmulator::builder);
            jobStepDuration(DEFAULT_JOB_STEP);
        }

        /** How long each step of an import or apply takes ({@link #DEFAULT_JOB_STEP 100 ms} unless set). */
        public Builder jobStepDuration(Duration step) {
            return step(builder -> builder.jobStepDuration(step));
        }

        /** The Entra tenant, in the token URL and the service root. */
        public Builder tenant(String tenant) {
            return step(builder -> builder.tenant(tenant));
        }

        /** The environment name in the service root. */
        public Builder environment(String environment) {
            return step(builder -> builder.environment(environment));
        }

        /**
         * The company the connection names: one of the emulator's demo companies, {@value #DEFAULT_COMPANY} (the
         * default) or {@code My Company}.
         */
        public Builder companyName(String companyName) {
            this.companyName = Objects.requireNonNull(companyName, "companyName");
            return this;
        }

        /** Adds a user for Basic authentication (user name and web service access key), as on-premises. */
        public Builder user(String name, String key) {
            return step(builder -> builder.user(name, key));
        }

        @Override
        public BcEmulatorExtension build() {
            return new BcEmulatorExtension(this);
        }
    }
}
