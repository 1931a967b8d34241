package io.deploykit.camel.bc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import io.deploykit.camel.bc.model.Company;

/** {@code bc:company?operation=list}: the environment's companies, over real HTTP. */
class CompanyListTest extends BcTestSupport {

    @Test
    void theEnvironmentsCompaniesAreListedWithTheirIds() throws Exception {
        Exchange result = send("bc:company?operation=list", null, null, null);

        assertNull(result.getException());
        @SuppressWarnings("unchecked")
        List<Company> companies = result.getMessage().getBody(List.class);
        assertEquals(emulator.companies().stream().map(c -> c.name()).toList(),
                companies.stream().map(Company::name).toList());
        assertEquals(emulator.company(COMPANY).id(),
                companies.stream().filter(c -> c.name().equals(COMPANY)).findFirst().orElseThrow().id());
    }

    @Test
    void anEnvironmentTheTenantDoesNotHaveFails() throws Exception {
        Exchange result = send("bc:company?operation=list&environment=nowhere", null, null, null);

        assertNotNull(result.getException(), "no such environment");
    }
}
