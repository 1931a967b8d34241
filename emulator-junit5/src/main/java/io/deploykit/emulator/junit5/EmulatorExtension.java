package io.deploykit.emulator.junit5;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;

import io.deploykit.emulator.Emulator;
import io.deploykit.emulator.http.ServerBuilder;

/**
 * What {@link BcEmulatorExtension} and {@link ReactorEmulatorExtension} share: one emulator per test class, started
 * before the class's first {@code @BeforeAll} method (or when first asked for) and stopped after its last
 * {@code @AfterAll} method; the request record cleared before each test and the faults cleared after each, so that
 * tests do not leak into each other; the emulator and its connection injected into parameters (of test, lifecycle
 * and constructor methods) and into {@link InjectEmulator} fields. {@code @Nested} classes share the emulator of
 * their enclosing class.
 * <p>
 * Register the extension in a static field with {@code @RegisterExtension} to choose its options (an extension in
 * an instance field starts its emulator when the first test asks for it and stops it after the class all the
 * same), or with {@code @ExtendWith} for the defaults.
 *
 * @param <E> the emulator
 * @param <C> what a component needs to reach it
 * @param <S> the emulator's own builder
 */
public abstract class EmulatorExtension<E extends Emulator, C extends EmulatorConnection, S extends ServerBuilder<S>>
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback, TestInstancePostProcessor,
                   ParameterResolver {

    private static final String RUNNING = "running";

    private final Class<E> emulatorType;
    private final Class<C> connectionType;
    private final Supplier<S> emulatorBuilder;
    private final List<Consumer<S>> steps;
    private final boolean clearRequestsBeforeEach;
    private final ExtensionContext.Namespace namespace = ExtensionContext.Namespace.create(EmulatorExtension.class,
            this);
    /** The emulator started last, for {@link #emulator()} and {@link #connection()}. */
    private volatile Running<E, C> latest;

    protected EmulatorExtension(Class<E> emulatorType, Class<C> connectionType, Builder<?, S, ?> settings) {
        this.emulatorType = emulatorType;
        this.connectionType = connectionType;
        this.emulatorBuilder = settings.emulatorBuilder;
        this.steps = List.copyOf(settings.steps);
        this.clearRequestsBeforeEach = settings.clearRequestsBeforeEach;
    }

    /**
     * The emulator of the test class running now.
     *
     * @throws IllegalStateException when none is running (the extension starts it for a test class; when test
     *                               classes that share one extension instance run in parallel, ask for the emulator
     *                               as a parameter or an {@link InjectEmulator} field instead)
     */
    public E emulator() {
        return current().emulator;
    }

    /**
     * How to reach the emulator of the test class running now.
     *
     * @throws IllegalStateException when none is running
     */
    public C connection() {
        return current().connection;
    }

    /** Starts the emulator the builder describes. */
    protected abstract E start(S builder);

    /**
     * How to reach the emulator.
     *
     * @param client the emulator's first client (its default client when none was configured): id and secret
     */
    protected abstract C connect(E emulator, Map.Entry<String, String> client);

    @Override
    public void beforeAll(ExtensionContext context) throws IllegalAccessException {
        Running<E, C> running = running(context);
        inject(context.getRequiredTestClass(), null, running);
    }

    @Override
    public void postProcessTestInstance(Object testInstance, ExtensionContext context) throws IllegalAccessException {
        inject(testInstance.getClass(), testInstance, running(context));
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        Running<E, C> running = running(context);
        if (clearRequestsBeforeEach) {
            running.emulator.clearRequests();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Running<E, C> running = find(context);
        if (running != null) {
            running.emulator.faults().clear();
        }
    }

    /** Stops the emulator this class started; one an enclosing class started runs on. */
    @Override
    public void afterAll(ExtensionContext context) {
        Running<?, ?> started = context.getStore(namespace).remove(RUNNING, Running.class);
        if (started != null) {
            started.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == emulatorType || type == connectionType;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Running<E, C> running = running(context);
        return parameter.getParameter().getType() == emulatorType ? running.emulator : running.connection;
    }

    /** The emulator of the test class, started now if it is not running yet. */
    private Running<E, C> running(ExtensionContext context) {
        @SuppressWarnings("unchecked")
        Running<E, C> running = classContext(context).getStore(namespace)
                .getOrComputeIfAbsent(RUNNING, key -> startRunning(), Running.class);
        return running;
    }

    private Running<E, C> find(ExtensionContext context) {
        @SuppressWarnings("unchecked")
        Running<E, C> running = classContext(context).getStore(namespace).get(RUNNING, Running.class);
        return running;
    }

    private Running<E, C> startRunning() {
        S builder = emulatorBuilder.get();
        steps.forEach(step -> step.accept(builder));
        E emulator = start(builder);
        try {
            Map.Entry<String, String> client = emulator.clients().entrySet().iterator().next();
            Running<E, C> running = new Running<>(emulator, connect(emulator, client));
            latest = running;
            return running;
        } catch (RuntimeException e) {
            emulator.close();
            throw e;
        }
    }

    private Running<E, C> current() {
        Running<E, C> running = latest;
        if (running == null || running.closed.get()) {
            throw new IllegalStateException("No emulator is running: the extension starts one for each test class"
                                            + " (register it in a static field to have it before @BeforeAll)");
        }
        return running;
    }

    /** The context of the test class (for a test method, its class's), where the emulator is kept. */
    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext current = context;
        while (current.getTestMethod().isPresent() && current.getParent().isPresent()) {
            current = current.getParent().get();
        }
        return current;
    }

    /** Sets the {@link InjectEmulator} fields: the static ones when the instance is null, else the instance's. */
    private void inject(Class<?> testClass, Object instance, Running<E, C> running) throws IllegalAccessException {
        Predicate<Field> wanted = field -> Modifier.isStatic(field.getModifiers()) == (instance == null);
        for (Field field : AnnotationSupport.findAnnotatedFields(testClass, InjectEmulator.class, wanted,
                HierarchyTraversalMode.TOP_DOWN)) {
            Object value = valueFor(field, running);
            if (value == null) {
                continue; // another emulator's, which its own extension sets
            }
            if (Modifier.isFinal(field.getModifiers())) {
                throw new ExtensionConfigurationException("The @InjectEmulator field " + field + " must not be final");
            }
            field.setAccessible(true);
            field.set(instance, value);
        }
    }

    private Object valueFor(Field field, Running<E, C> running) {
        Class<?> type = field.getType();
        if (type == emulatorType) {
            return running.emulator;
        }
        if (type == connectionType) {
            return running.connection;
        }
        boolean anotherEmulators = type != Emulator.class && type != EmulatorConnection.class
                                   && (Emulator.class.isAssignableFrom(type)
                                       || EmulatorConnection.class.isAssignableFrom(type));
        if (anotherEmulators) {
            return null;
        }
        throw new ExtensionConfigurationException("The @InjectEmulator field " + field + " has a type the emulator"
                                                  + " extensions do not set: declare it as " + emulatorType.getName()
                                                  + " or " + connectionType.getName());
    }

    /** A running emulator and its connection; closed once, by afterAll or, failing that, by JUnit's store. */
    private static final class Running<E extends Emulator, C> implements AutoCloseable {

        final E emulator;
        final C connection;
        final AtomicBoolean closed = new AtomicBoolean();

        Running(E emulator, C connection) {
            this.emulator = emulator;
            this.connection = connection;
        }

        @Override
        public void close() {
            if (closed.compareAndSet(false, true)) {
                emulator.close();
            }
        }
    }

    /**
     * The options both extensions take. Each setting is checked at once (as the emulator's own builder checks it)
     * and applied to each emulator the extension starts.
     *
     * @param <B> the extension's builder
     * @param <S> the emulator's builder
     * @param <X> the extension
     */
    public abstract static class Builder<B extends Builder<B, S, X>, S extends ServerBuilder<S>, X> {

        private final Supplier<S> emulatorBuilder;
        private final S probe;
        private final List<Consumer<S>> steps = new ArrayList<>();
        private boolean clearRequestsBeforeEach = true;

        /** A builder whose settings apply to the emulator builders {@code emulatorBuilder} makes (new, unset). */
        protected Builder(Supplier<S> emulatorBuilder) {
            this.emulatorBuilder = emulatorBuilder;
            this.probe = emulatorBuilder.get();
        }

        /** The port to listen on; 0 (the default) takes a free one, so test classes never compete for a port. */
        public B port(int port) {
            return step(builder -> builder.port(port));
        }

        /**
         * Adds a client that may ask for tokens; the first one replaces the emulator's default client and is the
         * one the connection names.
         */
        public B client(String clientId, String clientSecret) {
            return step(builder -> builder.client(clientId, clientSecret));
        }

        /** How long an access token lives (whole seconds, at least one). */
        public B tokenLifetime(Duration lifetime) {
            return step(builder -> builder.tokenLifetime(lifetime));
        }

        /** The largest upload accepted, in bytes; a larger one gets 413. */
        public B maxUploadBytes(long maxUploadBytes) {
            return step(builder -> builder.maxUploadBytes(maxUploadBytes));
        }

        /**
         * Any other setting of the emulator's own builder, such as its storage directory or threads. The connection
         * names the emulator's first client, whichever method added it.
         */
        public B configure(Consumer<S> setting) {
            return step(Objects.requireNonNull(setting, "setting"));
        }

        /**
         * Keeps the request record from one test to the next; by default it is cleared before each test, so that
         * {@code requests()} and {@code requestCount(...)} count that test's requests only.
         */
        public B keepRequestsBetweenTests() {
            this.clearRequestsBeforeEach = false;
            return self();
        }

        /** The extension, to register with {@code @RegisterExtension}. */
        public abstract X build();

        /** Checks the setting on a builder of no use otherwise and keeps it for each emulator to start. */
        protected final B step(Consumer<S> step) {
            step.accept(probe);
            steps.add(step);
            return self();
        }

        @SuppressWarnings("unchecked")
        private B self() {
            return (B) this;
        }
    }
}
