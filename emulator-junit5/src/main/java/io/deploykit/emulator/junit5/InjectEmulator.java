package io.deploykit.emulator.junit5;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a field that an emulator extension sets: a field of type {@code BcEmulator} or {@link BcConnection} is set by
 * a {@link BcEmulatorExtension}, one of type {@code ReactorEmulator} or {@link ReactorConnection} by a
 * {@link ReactorEmulatorExtension}. Static fields are set before the class's {@code @BeforeAll} methods run, instance
 * fields when the test instance has been created. The field may be private; it must not be final.
 * <pre>{@code
 * @ExtendWith(BcEmulatorExtension.class)
 * class MyRouteTest {
 *     @InjectEmulator
 *     static BcEmulator bc;
 *     @InjectEmulator
 *     BcConnection connection;
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface InjectEmulator {
}
