package io.deploykit.camel.bc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import io.deploykit.camel.bc.model.ConfigurationPackage;
import io.deploykit.camel.core.error.ApiException;
import io.deploykit.camel.core.error.NotFoundException;
import io.deploykit.emulator.bc.packages.RapidStartFiles;

/** Each operation on its own, as routes that split the flow use them. */
class ConfigurationPackageOperationsTest extends BcTestSupport {

    private static final String OPS = "bc:configurationPackage?operation=";

    @Test
    void createUploadImportApplyStepByStep() throws Exception {
        String code = newCode("STEPS");
        Path file = RapidStartFiles.write(dir.resolve("steps.rapidstart"), code, "Steps", 2, 4).file();

        ConfigurationPackage created = template.requestBodyAndHeader(OPS + "create&packageName=Step by step", null,
                BcConstants.PACKAGE_CODE, code, ConfigurationPackage.class);
        assertEquals(code, created.getCode());
        assertEquals("Step by step", created.getPackageName());
        assertEquals("No", created.getImportStatus());

        ConfigurationPackage uploaded = template.requestBody(OPS + "upload", file.toFile(), ConfigurationPackage.class);
        assertEquals(created.getId(), uploaded.getId(), "upload goes into the existing package of the file's code");

        ConfigurationPackage imported = template.requestBodyAndHeader(OPS + "import", null, BcConstants.PACKAGE_ID,
                created.getId(), ConfigurationPackage.class);
        assertEquals("Completed", imported.getImportStatus());
        assertEquals(8, imported.getNumberOfRecords());

        ConfigurationPackage applied = template.requestBodyAndHeader(OPS + "apply", null, BcConstants.PACKAGE_CODE, code,
                ConfigurationPackage.class);
        assertEquals("Completed", applied.getApplyStatus());

        ConfigurationPackage byCode = template.requestBodyAndHeader(OPS + "get", null, BcConstants.PACKAGE_CODE, code,
                ConfigurationPackage.class);
        assertEquals(created.getId(), byCode.getId());
        assertEquals("Completed", byCode.getApplyStatus());

        @SuppressWarnings("unchecked")
        List<ConfigurationPackage> all = template.requestBody(OPS + "list", null, List.class);
        assertTrue(all.stream().anyMatch(p -> p.getId().equals(created.getId())));

        template.requestBodyAndHeader(OPS + "delete", null, BcConstants.PACKAGE_ID, created.getId());
        assertTrue(emulator.packages(companyId()).stream().noneMatch(p -> p.code().equals(code)));
    }

    @Test
    void uploadCreatesThePackageWhenThereIsNone() throws Exception {
        String code = newCode("UPNEW");
        Path file = RapidStartFiles.write(dir.resolve("new.rapidstart"), code, "Fresh", 1, 1).file();

        ConfigurationPackage pkg = template.requestBody(OPS + "upload", file.toFile(), ConfigurationPackage.class);

        assertEquals(code, pkg.getCode());
        assertEquals("Fresh", pkg.getPackageName(), "the name comes from the file");
        assertTrue(emulator.packages(companyId()).stream().anyMatch(p -> p.code().equals(code)));
    }

    @Test
    void importWithoutWaitingReturnsWhileTheJobRuns() throws Exception {
        String code = newCode("NOWAIT");
        Path file = RapidStartFiles.write(dir.resolve("nowait.rapidstart"), code, "No wait", 1, 1).file();
        template.requestBody(OPS + "upload", file.toFile());

        ConfigurationPackage pkg = template.requestBodyAndHeader(OPS + "import&waitForCompletion=false", null,
                BcConstants.PACKAGE_CODE, code, ConfigurationPackage.class);

        assertTrue(List.of("Scheduled", "InProgress").contains(pkg.getImportStatus()), pkg.getImportStatus());
    }

    @Test
    void theOperationHeaderOverridesTheEndpointsOperation() {
        String code = newCode("HDR");
        Exchange result = template.send(OPS + "list", exchange -> {
            exchange.getMessage().setHeader(BcConstants.OPERATION, "create");
            exchange.getMessage().setHeader(BcConstants.PACKAGE_CODE, code);
        });
        assertNull(result.getException());
        assertEquals(code, result.getMessage().getBody(ConfigurationPackage.class).getCode());
    }

    @Test
    void aPackageThatDoesNotExistIsNamedInTheError() {
        Exchange result = send(OPS + "get", null, BcConstants.PACKAGE_CODE, "NO-SUCH-PKG");
        NotFoundException e = assertInstanceOf(NotFoundException.class, failure(result));
        assertTrue(e.getMessage().contains("NO-SUCH-PKG"), e.getMessage());
    }

    @Test
    void creatingADuplicateCodeFailsWithTheServicesError() {
        String code = newCode("DUP");
        template.requestBodyAndHeader(OPS + "create", null, BcConstants.PACKAGE_CODE, code);
        Exchange result = send(OPS + "create", null, BcConstants.PACKAGE_CODE, code);
        ApiException e = assertInstanceOf(ApiException.class, failure(result));
        assertEquals(400, e.getStatusCode());
        assertTrue(e.getErrorCode() != null && !e.getErrorCode().isBlank(), "the OData error code is carried");
        assertTrue(e.getCorrelationId() != null, "the correlation id is carried");
    }

    @Test
    void businessCentralsSynchronousRefusalsReachTheRoute() throws Exception {
        String code = newCode("REFUSE");
        template.requestBodyAndHeader(OPS + "create", null, BcConstants.PACKAGE_CODE, code);

        ApiException noFile = assertInstanceOf(ApiException.class,
                failure(send(OPS + "import", null, BcConstants.PACKAGE_CODE, code)));
        assertEquals(400, noFile.getStatusCode());

        ApiException notImported = assertInstanceOf(ApiException.class,
                failure(send(OPS + "apply", null, BcConstants.PACKAGE_CODE, code)));
        assertEquals(400, notImported.getStatusCode());
    }
}
