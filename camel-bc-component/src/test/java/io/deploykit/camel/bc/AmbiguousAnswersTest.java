package io.deploykit.camel.bc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import io.deploykit.camel.bc.model.ConfigurationPackage;
import io.deploykit.emulator.bc.packages.RapidStartFiles;

/**
 * Business Central acted, but the answer was lost on the way (a gateway's 502 or 504, a connection dropped): the
 * component reads the package again and continues with what the request did, sending nothing twice.
 */
class AmbiguousAnswersTest extends BcTestSupport {

    private static final String CREATE = ".*/configurationPackages";
    private static final String IMPORT = ".*Microsoft\\.NAV\\.import";
    private static final String APPLY = ".*Microsoft\\.NAV\\.apply";
    private static final String DEPLOY = "bc:configurationPackage?operation=deploy";

    private long importsOf(String code) {
        return emulator.imports().stream().filter(i -> i.packageCode().equalsIgnoreCase(code)).count();
    }

    private long appliesOf(String code) {
        return emulator.applies().stream().filter(a -> a.packageCode().equalsIgnoreCase(code)).count();
    }

    private List<String> answered(String route) {
        return emulator.requests().stream().filter(r -> route.equals(r.route())).map(r -> String.valueOf(r.status())).toList();
    }

    @Test
    void aCreateAnswered504AfterItWasMadeIsAdoptedNotSentAgain() {
        String code = newCode("ADOPT");
        emulator.faults().matching("POST", CREATE).gatewayTimeoutAfterActing(1);

        Exchange result = send("bc:configurationPackage?operation=create", null, BcConstants.PACKAGE_CODE, code);

        assertNull(result.getException());
        assertEquals(List.of("504"), answered("packages.create"));
        List<?> stored = emulator.packages(companyId()).stream().filter(p -> p.code().equals(code)).toList();
        assertEquals(1, stored.size());
        assertEquals(stored(code).orElseThrow().id(), result.getMessage().getBody(ConfigurationPackage.class).getId());
    }

    @Test
    void aDeployWhoseCreateImportAndApplyAnswersWereLostRunsEachOnce() throws Exception {
        String code = newCode("LOST");
        emulator.faults().matching("POST", CREATE).gatewayTimeoutAfterActing(1);
        emulator.faults().matching("POST", IMPORT).badGatewayAfterActing(1);
        emulator.faults().matching("POST", APPLY).badGatewayAfterActing(1);

        Exchange result = send(DEPLOY, RapidStartFiles.write(dir.resolve("lost.rapidstart"), code, "Lost", 2, 2).file().toFile(),
                null, null);

        assertNull(result.getException());
        ConfigurationPackage pkg = result.getMessage().getBody(ConfigurationPackage.class);
        assertEquals("Completed", pkg.getApplyStatus());
        assertEquals(4, pkg.getNumberOfRecords());
        assertEquals(List.of("504"), answered("packages.create"));
        assertEquals(List.of("502"), answered("packages.import"));
        assertEquals(List.of("502"), answered("packages.apply"));
        assertEquals(1, importsOf(code));
        assertEquals(1, appliesOf(code));
        assertEquals(1, emulator.packages(companyId()).stream().filter(p -> p.code().equals(code)).count());
    }

    @Test
    void aDeployWhoseImportAndApplyConnectionsDroppedAfterActingRunsEachOnce() throws Exception {
        String code = newCode("DROPPED");
        emulator.faults().matching("POST", IMPORT).dropAfterActing(1);
        emulator.faults().matching("POST", APPLY).dropAfterActing(1);

        Exchange result = send(DEPLOY, RapidStartFiles.write(dir.resolve("drop.rapidstart"), code, "Drop", 1, 3).file().toFile(),
                null, null);

        assertNull(result.getException());
        assertEquals("Completed", result.getMessage().getHeader(BcConstants.APPLY_STATUS));
        assertEquals(1, emulator.requestCount("packages.import"));
        assertEquals(1, emulator.requestCount("packages.apply"));
        assertEquals(1, importsOf(code));
        assertEquals(1, appliesOf(code));
    }

    @Test
    void anImportOperationAnswered504AfterItStartedWaitsForThatImport() throws Exception {
        String code = newCode("IMPORT");
        template.requestBody("bc:configurationPackage?operation=upload",
                RapidStartFiles.write(dir.resolve("import.rapidstart"), code, "Import", 1, 1).file().toFile());
        emulator.faults().matching("POST", IMPORT).gatewayTimeoutAfterActing(1);

        Exchange result = send("bc:configurationPackage?operation=import", null, BcConstants.PACKAGE_CODE, code);

        assertNull(result.getException());
        assertEquals("Completed", result.getMessage().getHeader(BcConstants.IMPORT_STATUS));
        assertEquals(List.of("504"), answered("packages.import"));
        assertEquals(1, importsOf(code));
    }
}
