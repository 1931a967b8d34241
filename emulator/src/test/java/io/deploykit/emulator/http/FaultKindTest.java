package io.deploykit.emulator.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class FaultKindTest {

    @Test
    void namesTheKindsThatHitAfterActingInEveryStyle() {
        assertEquals(FaultKind.GATEWAY_TIMEOUT_AFTER_ACTING, FaultKind.named("gatewayTimeoutAfterActing"));
        assertEquals(FaultKind.BAD_GATEWAY_AFTER_ACTING, FaultKind.named("bad-gateway-after-acting"));
        assertEquals(FaultKind.DROP_AFTER_ACTING, FaultKind.named("DROP_AFTER_ACTING"));
    }

    @Test
    void onlyTheAfterActingKindsLetTheRequestBeHandledFirst() {
        Set<FaultKind> after = EnumSet.of(FaultKind.GATEWAY_TIMEOUT_AFTER_ACTING, FaultKind.BAD_GATEWAY_AFTER_ACTING,
                FaultKind.DROP_AFTER_ACTING);
        Arrays.stream(FaultKind.values()).forEach(kind -> assertEquals(after.contains(kind), kind.afterActing(),
                kind::name));
        assertTrue(FaultKind.DROP_AFTER_ACTING.afterActing());
        assertFalse(FaultKind.DROP_CONNECTION.afterActing());
    }
}
