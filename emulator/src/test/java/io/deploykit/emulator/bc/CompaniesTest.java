package io.deploykit.emulator.bc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.deploykit.emulator.RunningEmulator;
import io.deploykit.emulator.TestHttp;
import io.deploykit.emulator.bc.companies.Company;

class CompaniesTest {

    @RegisterExtension
    static final RunningEmulator<BcEmulator> RUNNING = new RunningEmulator<>(() -> BcEmulator.builder().start());

    private static BcEmulator emulator;
    private static BcClient client;

    @BeforeAll
    static void start() {
        emulator = RUNNING.get();
        client = new BcClient(emulator);
    }

    @Test
    void listsTheDemoCompaniesInBothApis() {
        for (String api : List.of("/api/v2.0", "/api/microsoft/automation/v2.0")) {
            Response response = client.get(api + "/companies");

            assertEquals(200, response.status(), response::toString);
            JsonNode value = response.json().get("value");
            assertEquals(List.of("CRONUS USA, Inc.", "My Company"), List.of(value.get(0).get("name").asText(),
                    value.get(1).get("name").asText()));
            assertEquals(emulator.company("CRONUS USA, Inc.").id(), value.get(0).get("id").asText());
            assertTrue(response.json().get("@odata.context").asText().endsWith(api + "/$metadata#companies"),
                    response::toString);
        }
    }

    @Test
    void filtersByNameWithSpacesEncodedEitherWay() {
        String id = emulator.company("CRONUS USA, Inc.").id();

        for (String filter : List.of("name%20eq%20'CRONUS%20USA,%20Inc.'", "name+eq+'CRONUS+USA%2C+Inc.'")) {
            JsonNode value = client.get("/api/v2.0/companies?$filter=" + filter).json().get("value");

            assertEquals(1, value.size(), value::toString);
            assertEquals(id, value.get(0).get("id").asText());
        }
        assertEquals(0, client.get("/api/v2.0/companies?$filter=" + TestHttp.encode("name eq 'cronus usa, inc.'"))
                .json().get("value").size(), "names compare exactly");
        assertEquals(0, client.get("/api/v2.0/companies?$filter=" + TestHttp.encode("name eq 'O''Neil'"))
                .json().get("value").size());
    }

    @Test
    void refusesFiltersItCannotEvaluate() {
        Response unsupported = client.get("/api/v2.0/companies?$filter=" + TestHttp.encode("startswith(name,'C')"));
        Response unknownProperty = client.get("/api/v2.0/companies?$filter=" + TestHttp.encode("colour eq 'red'"));

        assertEquals(400, unsupported.status());
        assertEquals("BadRequest_NotFound", unsupported.errorCode()); // "Error in query syntax", as BC's table has it
        assertEquals(400, unknownProperty.status());
        assertTrue(unknownProperty.errorMessage().contains("colour"), unknownProperty::toString);
    }

    @Test
    void getsACompanyById() {
        Company company = emulator.company("My Company");

        Response found = client.get("/api/v2.0/companies(" + company.id() + ")");
        Response missing = client.get("/api/v2.0/companies(00000000-0000-0000-0000-000000000001)");
        Response malformed = client.get("/api/v2.0/companies(not-a-guid)");

        assertEquals(200, found.status(), found::toString);
        assertEquals("My Company", found.json().get("displayName").asText());
        assertEquals(404, missing.status());
        assertEquals("BadRequest_NotFound", missing.errorCode());
        assertEquals(400, malformed.status());
    }
}
