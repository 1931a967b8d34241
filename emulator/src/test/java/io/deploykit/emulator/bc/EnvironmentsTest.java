package io.deploykit.emulator.bc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.deploykit.emulator.RunningEmulator;

/**
 * A tenant has several environments (a production one and sandboxes), each with its own companies and apps, each
 * at its own service root {@code /v2.0/{tenant}/{environment}}; more can be added while the emulator runs.
 */
class EnvironmentsTest {

    @RegisterExtension
    static final RunningEmulator<BcEmulator> RUNNING = new RunningEmulator<>(
            () -> BcEmulator.builder().addEnvironment("sandbox").jobStepDuration(Duration.ofMillis(20)).start(),
            BcEmulator::faults);

    private static BcEmulator emulator;
    private static BcClient client;

    @BeforeAll
    static void start() {
        emulator = RUNNING.get();
        client = new BcClient(emulator);
    }

    @Test
    void eachEnvironmentHasItsOwnCompaniesAtItsOwnServiceRoot() {
        List<String> production = names(companies("production"));
        List<String> sandbox = names(companies("sandbox"));

        assertEquals(List.of("CRONUS USA, Inc.", "My Company"), production);
        assertEquals(production, sandbox, "the demo companies in each");
        String productionCronus = emulator.company("production", "CRONUS USA, Inc.").id();
        String sandboxCronus = emulator.company("sandbox", "CRONUS USA, Inc.").id();
        assertNotEquals(productionCronus, sandboxCronus);
        assertEquals(200, get("sandbox", "/api/v2.0/companies(" + sandboxCronus + ")").status());
        Response other = get("sandbox", "/api/v2.0/companies(" + productionCronus + ")");
        assertEquals(404, other.status(), () -> "a company of another environment: " + other.json());
        Response nowhere = get("nowhere", "/api/v2.0/companies");
        assertEquals(404, nowhere.status());
        assertTrue(nowhere.errorMessage().contains("production, sandbox"), nowhere.errorMessage());
    }

    @Test
    void anEnvironmentAndACompanyCanBeAddedWhileItRuns() {
        assertEquals(201, admin("/bc/environments", "{\"name\":\"uat\"}").status());
        assertEquals(201, admin("/bc/environments/uat/companies", "{\"name\":\"Fabrikam\"}").status());

        assertEquals(List.of("CRONUS USA, Inc.", "Fabrikam", "My Company"), names(companies("uat")), "in name order");
        assertEquals(400, admin("/bc/environments", "{\"name\":\"UAT\"}").status(), "names compare without case");
        assertEquals(400, admin("/bc/environments/uat/companies", "{\"name\":\"Fabrikam\"}").status());
        assertEquals(404, admin("/bc/environments/nowhere/companies", "{\"name\":\"X\"}").status());
        assertTrue(emulator.environments().names().contains("uat"));
    }

    @Test
    void appsAreInstalledInOneEnvironment() {
        assertTrue(emulator.apps("sandbox").installed().stream().noneMatch(app -> app.appType().equals("tenant")));
        assertEquals(emulator.apps("production").installed().size(), emulator.apps("sandbox").installed().size(),
                "Microsoft's apps in each");
        assertTrue(emulator.apps("sandbox") != emulator.apps("production"));
    }

    private static JsonNode companies(String environment) {
        Response response = get(environment, "/api/v2.0/companies");
        assertEquals(200, response.status(), response::toString);
        return response.json().path("value");
    }

    private static List<String> names(JsonNode companies) {
        List<String> names = new ArrayList<>();
        companies.forEach(company -> names.add(company.path("name").asText()));
        return names;
    }

    private static Response get(String environment, String path) {
        return BcClient.send(HttpRequest.newBuilder(URI.create(emulator.apiBaseUrl() + "/" + emulator.tenant() + "/"
                                                               + environment + path))
                .header("Authorization", "Bearer " + client.token()).GET().build());
    }

    private static Response admin(String path, String json) {
        return BcClient.send(HttpRequest.newBuilder(URI.create(emulator.baseUrl() + "/_emulator" + path))
                .header("Content-Type", "application/json").POST(BodyPublishers.ofString(json)).build());
    }
}
