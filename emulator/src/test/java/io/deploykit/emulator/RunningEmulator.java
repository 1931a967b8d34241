package io.deploykit.emulator;

import java.util.function.Function;
import java.util.function.Supplier;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import io.deploykit.emulator.http.Faults;

/**
 * One emulator for all the tests of a class, started before them and closed after them; registered on a static
 * field with {@code @RegisterExtension}, it is running when the class's {@code @BeforeAll} methods run.
 *
 * @param <E> the emulator
 */
public final class RunningEmulator<E extends Emulator>
        implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {

    private final Supplier<E> start;
    private final Function<E, ? extends Faults> faultsToClear;
    private E emulator;

    public RunningEmulator(Supplier<E> start) {
        this(start, null);
    }

    /** Also clears the faults after each test, so that a test's faults never reach the next one. */
    public RunningEmulator(Supplier<E> start, Function<E, ? extends Faults> faultsToClear) {
        this.start = start;
        this.faultsToClear = faultsToClear;
    }

    public E get() {
        return emulator;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        emulator = start.get();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (faultsToClear != null) {
            faultsToClear.apply(emulator).clear();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        emulator.close();
    }
}
