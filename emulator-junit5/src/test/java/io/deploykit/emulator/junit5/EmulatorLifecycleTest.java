package io.deploykit.emulator.junit5;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

import io.deploykit.emulator.Emulator;
import io.deploykit.emulator.bc.BcEmulator;
import io.deploykit.emulator.reactor.ReactorEmulator;

/**
 * When the extensions start and stop their emulators: the sample classes below run in a launcher of their own (the
 * build's test run leaves nested classes alone), and a listener looks at each emulator as each class finishes.
 */
class EmulatorLifecycleTest {

    /** The emulators each sample class saw, by class. */
    static final Map<Class<?>, List<Emulator>> SEEN = new ConcurrentHashMap<>();

    @Test
    void eachClassHasItsOwnEmulatorStoppedWhenTheClassEnds() {
        Map<Class<?>, Boolean> openWhenFinished = new ConcurrentHashMap<>();
        Map<Class<?>, TestExecutionResult> results = run(openWhenFinished, FirstClass.class, SecondClass.class,
                PerClassLifecycle.class);

        results.forEach((type, result) -> assertEquals(TestExecutionResult.Status.SUCCESSFUL, result.getStatus(),
                () -> type + ": " + result));
        List<Emulator> first = SEEN.get(FirstClass.class);
        assertEquals(2, first.size());
        assertSame(first.get(0), first.get(1), "one emulator for the tests of a class");
        assertEquals(List.of(first.get(0)), SEEN.get(FirstClass.Inner.class), "a nested class shares its outer one's");
        List<Emulator> second = SEEN.get(SecondClass.class);
        assertNotSame(first.get(0), second.get(0), "another class, another emulator");
        List<Emulator> perClass = SEEN.get(PerClassLifecycle.class);
        assertSame(perClass.get(0), perClass.get(1), "the constructor and the test get the same emulator");

        assertEquals(Boolean.TRUE, openWhenFinished.get(FirstClass.Inner.class), "still running for the outer class");
        assertEquals(Boolean.FALSE, openWhenFinished.get(FirstClass.class), "stopped when its class ended");
        assertEquals(Boolean.FALSE, openWhenFinished.get(SecondClass.class));
        assertEquals(Boolean.FALSE, openWhenFinished.get(PerClassLifecycle.class));
        for (List<Emulator> emulators : SEEN.values()) {
            assertFalse(listens(emulators.get(0)), "port closed");
        }
        IllegalStateException none = assertThrows(IllegalStateException.class, PerClassLifecycle.REACTOR::emulator);
        assertTrue(none.getMessage().startsWith("No emulator is running"), none::getMessage);
    }

    @Test
    void aFieldOfAnotherTypeFailsTheClassWithTheReason() {
        TestExecutionResult result = run(new ConcurrentHashMap<>(), WrongFieldType.class).get(WrongFieldType.class);

        assertEquals(TestExecutionResult.Status.FAILED, result.getStatus());
        String message = result.getThrowable().orElseThrow().getMessage();
        assertTrue(message.contains("has a type the emulator extensions do not set: declare it as "
                                    + BcEmulator.class.getName()), message);
    }

    /** Runs the classes; notes whether the emulator a class saw still listened when its container finished. */
    private static Map<Class<?>, TestExecutionResult> run(Map<Class<?>, Boolean> openWhenFinished, Class<?>... classes) {
        Map<Class<?>, TestExecutionResult> results = new ConcurrentHashMap<>();
        TestExecutionListener listener = new TestExecutionListener() {
            @Override
            public void executionFinished(TestIdentifier identifier, TestExecutionResult result) {
                if (identifier.getSource().orElse(null) instanceof ClassSource source) {
                    Class<?> type = source.getJavaClass();
                    results.put(type, result);
                    List<Emulator> seen = SEEN.get(type);
                    if (seen != null) {
                        openWhenFinished.put(type, listens(seen.get(0)));
                    }
                }
            }
        };
        LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request();
        for (Class<?> type : classes) {
            request.selectors(selectClass(type));
        }
        LauncherDiscoveryRequest discovery = request.build();
        Launcher launcher = LauncherFactory.create();
        launcher.execute(discovery, listener);
        return results;
    }

    private static boolean listens(Emulator emulator) {
        int port = Integer.parseInt(emulator.baseUrl().substring(emulator.baseUrl().lastIndexOf(':') + 1));
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2_000);
            return true;
        } catch (ConnectException refused) {
            return false;
        } catch (IOException e) {
            throw new AssertionError("Neither connected nor refused on port " + port, e);
        }
    }

    private static void saw(Class<?> type, Emulator emulator) {
        SEEN.computeIfAbsent(type, key -> new CopyOnWriteArrayList<>()).add(emulator);
    }

    /** The defaults, through {@code @ExtendWith}, with two tests and a nested class. */
    @ExtendWith(BcEmulatorExtension.class)
    static class FirstClass {

        @Test
        void one(BcEmulator bc) {
            saw(FirstClass.class, bc);
        }

        @Test
        void two(BcEmulator bc) {
            saw(FirstClass.class, bc);
        }

        @Nested
        class Inner {

            @Test
            void three(BcEmulator bc) {
                saw(Inner.class, bc);
            }
        }
    }

    @ExtendWith(BcEmulatorExtension.class)
    static class SecondClass {

        @Test
        void one(BcEmulator bc) {
            saw(SecondClass.class, bc);
        }
    }

    /** One test instance for the class: it is made before the class's callbacks, so it starts the emulator. */
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    static class PerClassLifecycle {

        @RegisterExtension
        static final ReactorEmulatorExtension REACTOR = ReactorEmulatorExtension.builder().build();

        @InjectEmulator
        ReactorConnection connection;

        PerClassLifecycle(ReactorEmulator reactor) {
            saw(PerClassLifecycle.class, reactor);
        }

        @Test
        void one(ReactorEmulator reactor) {
            saw(PerClassLifecycle.class, reactor);
            assertEquals(reactor.tokenUrl(), connection.tokenUrl());
        }
    }

    @ExtendWith(BcEmulatorExtension.class)
    static class WrongFieldType {

        @InjectEmulator
        static Emulator emulator;

        @Test
        void one() {
            // never runs: the class fails first
        }
    }
}
