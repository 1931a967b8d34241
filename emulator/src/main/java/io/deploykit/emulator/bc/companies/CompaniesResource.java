package io.deploykit.emulator.bc.companies;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.deploykit.emulator.bc.odata.ApiPaths;
import io.deploykit.emulator.bc.odata.EntityType;
import io.deploykit.emulator.bc.odata.ODataJson;
import io.deploykit.emulator.bc.odata.ODataQuery;
import io.deploykit.emulator.bc.odata.ServerPaging;
import io.deploykit.emulator.http.Exchange;
import io.deploykit.emulator.http.JsonCodec;
import io.deploykit.emulator.http.RouteGroup;

/**
 * {@code GET companies} and {@code GET companies({id})}, in the automation API and in the standard API, with the
 * properties of the API v2.0 company resource: id, systemVersion, timestamp, name, displayName, businessProfileId,
 * systemCreatedAt, systemCreatedBy, systemModifiedAt, systemModifiedBy.
 */
public final class CompaniesResource {

    /** The version a Business Central online environment reported when this was written. */
    private static final String SYSTEM_VERSION = "26.0.30643.32451";
    /** The user that creates companies when an environment is made, as Business Central reports it. */
    private static final String SYSTEM_USER = "00000000-0000-0000-0000-000000000001";

    private final Companies companies;
    private final ServerPaging paging;

    public CompaniesResource(Companies companies, ServerPaging paging) {
        this.companies = companies;
        this.paging = paging;
    }

    public void install(RouteGroup api) {
        for (String root : new String[] {ApiPaths.AUTOMATION, ApiPaths.STANDARD}) {
            api.get(root + "/companies", "companies.list", exchange -> list(exchange, root))
                    .get(root + ApiPaths.COMPANY, "companies.get", exchange -> get(exchange, root));
        }
    }

    private void list(Exchange exchange, String api) throws IOException {
        ODataQuery query = ODataQuery.of(exchange, EntityType.COMPANY);
        query.respond(exchange, api, "companies", companies.in(exchange.pathParam("environment")).stream()
                .map(CompaniesResource::json).toList(), paging);
    }

    private void get(Exchange exchange, String api) throws IOException {
        CompanyData company = companies.require(exchange);
        ODataJson.entity(exchange, 200, api, "companies",
                ODataQuery.selected(exchange, EntityType.COMPANY, json(company)));
    }

    private static ObjectNode json(CompanyData data) {
        Company company = data.company();
        String created = ODataJson.dateTime(data.created());
        return JsonCodec.object()
                .put("id", company.id())
                .put("systemVersion", SYSTEM_VERSION)
                .put("timestamp", timestamp(company))
                .put("name", company.name())
                .put("displayName", company.displayName())
                .put("businessProfileId", "")
                .put("systemCreatedAt", created)
                .put("systemCreatedBy", SYSTEM_USER)
                .put("systemModifiedAt", created)
                .put("systemModifiedBy", SYSTEM_USER);
    }

    /** The row version of the company record: the same on every start, as the record never changes. */
    private static long timestamp(Company company) {
        UUID derived = UUID.nameUUIDFromBytes(company.id().getBytes(StandardCharsets.UTF_8));
        return 1000 + Math.floorMod(derived.getLeastSignificantBits(), 100_000L);
    }
}
