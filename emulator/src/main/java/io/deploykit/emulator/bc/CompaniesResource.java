package io.deploykit.emulator.bc;

import java.io.IOException;
import java.util.Set;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.deploykit.emulator.http.Exchange;
import io.deploykit.emulator.http.Json;
import io.deploykit.emulator.http.RouteGroup;

/** {@code GET companies} and {@code GET companies({id})}, in the automation API and in the standard API. */
final class CompaniesResource {

    /** The version a Business Central online environment reported when this emulator was written. */
    private static final String SYSTEM_VERSION = "26.0.30643.32451";
    private static final Set<String> PROPERTIES =
            Set.of("id", "systemVersion", "name", "displayName", "businessProfileId");

    private final Companies companies;

    CompaniesResource(Companies companies) {
        this.companies = companies;
    }

    void install(RouteGroup api) {
        for (String root : new String[] {ApiPaths.AUTOMATION, ApiPaths.STANDARD}) {
            api.get(root + "/companies", "companies.list", exchange -> list(exchange, root))
                    .get(root + ApiPaths.COMPANY, "companies.get", exchange -> get(exchange, root));
        }
    }

    private void list(Exchange exchange, String api) throws IOException {
        Predicate<ObjectNode> filter = ODataFilter.parse(exchange.queryParam("$filter"), PROPERTIES, Set.of());
        ODataJson.list(exchange, api, "companies",
                companies.all().stream().map(CompaniesResource::json).filter(filter).toList());
    }

    private void get(Exchange exchange, String api) throws IOException {
        CompanyData company = companies.require(exchange.pathParam("company"));
        ODataJson.entity(exchange, 200, api, "companies", json(company));
    }

    private static ObjectNode json(CompanyData data) {
        Company company = data.company();
        return Json.object()
                .put("id", company.id())
                .put("systemVersion", SYSTEM_VERSION)
                .put("name", company.name())
                .put("displayName", company.displayName())
                .put("businessProfileId", "")
                .put("systemCreatedAt", data.created().toString())
                .put("systemModifiedAt", data.created().toString());
    }
}
