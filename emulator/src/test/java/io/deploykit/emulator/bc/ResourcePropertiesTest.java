package io.deploykit.emulator.bc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.deploykit.emulator.RunningEmulator;

/** The entities carry the properties of the API v2.0 reference's resource types, in their order. */
class ResourcePropertiesTest {

    @RegisterExtension
    static final RunningEmulator<BcEmulator> RUNNING = new RunningEmulator<>(() -> BcEmulator.builder().start());

    private static BcClient client;
    private static String company;

    @BeforeAll
    static void start() {
        client = new BcClient(RUNNING.get());
        company = RUNNING.get().company("CRONUS USA, Inc.").id();
    }

    @Test
    void aCompanyHasTheV2CompanyProperties() {
        for (String api : List.of("/api/v2.0", "/api/microsoft/automation/v2.0")) {
            JsonNode listed = client.get(api + "/companies").json().get("value").get(0);
            JsonNode one = client.get(api + "/companies(" + company + ")").json();

            List<String> expected = List.of("id", "systemVersion", "timestamp", "name", "displayName",
                    "businessProfileId", "systemCreatedAt", "systemCreatedBy", "systemModifiedAt", "systemModifiedBy");
            assertEquals(expected, names(listed));
            assertEquals(expected, names(one).subList(1, names(one).size())); // after @odata.context
            assertTrue(listed.get("timestamp").isIntegralNumber(), listed::toString);
            OffsetDateTime.parse(listed.get("systemCreatedAt").asText());
            assertTrue(listed.get("systemCreatedAt").asText().matches(".*T.*\\.\\d{3}Z"), listed::toString);
            assertTrue(listed.get("systemModifiedBy").asText().matches("[0-9a-f-]{36}"), listed::toString);
        }
    }

    @Test
    void anItemHasTheV2ItemProperties() {
        JsonNode desk = client.get("/api/v2.0/companies(" + company + ")/items?$filter=number%20eq%20'1896-S'").json()
                .get("value").get(0);

        assertEquals(List.of("@odata.etag", "id", "number", "displayName", "displayName2", "type", "itemCategoryId",
                "itemCategoryCode", "blocked", "gtin", "inventory", "unitPrice", "priceIncludesTax", "unitCost",
                "taxGroupId", "taxGroupCode", "baseUnitOfMeasureId", "baseUnitOfMeasureCode",
                "generalProductPostingGroupId", "generalProductPostingGroupCode", "inventoryPostingGroupId",
                "inventoryPostingGroupCode", "lastModifiedDateTime"), names(desk));
        assertEquals("ATHENS Desk", desk.get("displayName").asText());
        assertEquals("Inventory", desk.get("type").asText());
        assertEquals("TABLE", desk.get("itemCategoryCode").asText());
        assertEquals(1000.8, desk.get("unitPrice").asDouble());
        assertTrue(desk.get("blocked").isBoolean());
        assertEquals("PCS", desk.get("baseUnitOfMeasureCode").asText());
    }

    @Test
    void aPictureHasTheV2PictureProperties() {
        JsonNode item = client.get("/api/v2.0/companies(" + company + ")/items?$top=1").json().get("value").get(0);
        JsonNode picture = client.get("/api/v2.0/companies(" + company + ")/items(" + item.get("id").asText()
                                      + ")/picture").json();

        assertEquals(List.of("@odata.context", "@odata.etag", "id", "parentType", "width", "height", "contentType",
                "pictureContent@odata.mediaEditLink", "pictureContent@odata.mediaReadLink"), names(picture));
        assertEquals("Item", picture.get("parentType").asText());
    }

    private static List<String> names(JsonNode entity) {
        List<String> names = new ArrayList<>();
        entity.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
