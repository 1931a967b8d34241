package io.deploykit.emulator.bc.companies;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.deploykit.emulator.bc.pictures.ParentRecord;
import io.deploykit.emulator.bc.pictures.ParentType;
import io.deploykit.emulator.http.JsonCodec;

/**
 * The companies a fresh emulator has, each with a few of the records of Business Central's demo data: items 1000,
 * 1001, 1896-S... (with the properties of the v2.0 item resource), customers 10000..., vendors, employees and
 * contacts. Ids derive from the tenant, environment and names, so they are the same on every start.
 */
public final class DemoData {

    static final List<String> COMPANY_NAMES = List.of("CRONUS USA, Inc.", "My Company");

    private static final String NO_ID = "00000000-0000-0000-0000-000000000000";

    /** An item of the demo data: number, name, category, inventory, unit price and cost, tax group. */
    private record DemoItem(String number, String name, String category, String inventory, String unitPrice,
                            String unitCost, String taxGroup, String inventoryPostingGroup) {
    }

    private static final List<DemoItem> ITEMS = List.of(
            new DemoItem("1000", "Bicycle", "", "0", "4000", "350.59", "", "FINISHED"),
            new DemoItem("1001", "Touring Bicycle", "", "0", "5000", "0", "", "FINISHED"),
            new DemoItem("1896-S", "ATHENS Desk", "TABLE", "4", "1000.8", "780.7", "FURNITURE", "RESALE"),
            new DemoItem("1900-S", "PARIS Guest Chair, black", "CHAIR", "23", "192.8", "150.3", "FURNITURE", "RESALE"),
            new DemoItem("1906-S", "ATHENS Mobile Pedestal", "MISC", "11", "281.4", "219.5", "FURNITURE", "RESALE"));

    private static final Map<ParentType, List<String[]>> RECORDS = Map.of(
            ParentType.CUSTOMERS, List.of(
                    new String[] {"10000", "Adatum Corporation"},
                    new String[] {"20000", "Trey Research"},
                    new String[] {"30000", "School of Fine Art"}),
            ParentType.VENDORS, List.of(
                    new String[] {"10000", "Fabrikam, Inc."},
                    new String[] {"20000", "First Up Consultants"}),
            ParentType.EMPLOYEES, List.of(
                    new String[] {"AH", "Annette Hill"},
                    new String[] {"JO", "Jim Olive"}),
            ParentType.CONTACTS, List.of(
                    new String[] {"CT000001", "Adatum Corporation"},
                    new String[] {"CT000002", "Robert Townes"}));

    private DemoData() {
    }

    /** A GUID derived from a key: the same on every start. */
    public static String id(String key) {
        return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
    }

    static CompanyData company(String tenant, String environment, String name) {
        String id = id(tenant + "/" + environment + "/" + name);
        Map<ParentType, List<ParentRecord>> parents = new EnumMap<>(ParentType.class);
        parents.put(ParentType.ITEMS, ITEMS.stream().map(item -> new ParentRecord(id, ParentType.ITEMS,
                item.number(), item.name(), itemDetails(id, item))).toList());
        RECORDS.forEach((type, records) -> parents.put(type,
                records.stream().map(record -> new ParentRecord(id, type, record[0], record[1])).toList()));
        return new CompanyData(new Company(id, name, name), environment, parents);
    }

    /** An item's properties between displayName and lastModifiedDateTime, in the v2.0 item resource's order. */
    private static ObjectNode itemDetails(String companyId, DemoItem item) {
        ObjectNode details = JsonCodec.object()
                .put("displayName2", "")
                .put("type", "Inventory")
                .put("itemCategoryId", codeId(companyId, "itemCategory", item.category()))
                .put("itemCategoryCode", item.category())
                .put("blocked", false)
                .put("gtin", "")
                .put("inventory", new BigDecimal(item.inventory()))
                .put("unitPrice", new BigDecimal(item.unitPrice()))
                .put("priceIncludesTax", false)
                .put("unitCost", new BigDecimal(item.unitCost()))
                .put("taxGroupId", codeId(companyId, "taxGroup", item.taxGroup()))
                .put("taxGroupCode", item.taxGroup())
                .put("baseUnitOfMeasureId", codeId(companyId, "unitOfMeasure", "PCS"))
                .put("baseUnitOfMeasureCode", "PCS")
                .put("generalProductPostingGroupId", codeId(companyId, "generalProductPostingGroup", "RETAIL"))
                .put("generalProductPostingGroupCode", "RETAIL");
        return details
                .put("inventoryPostingGroupId", codeId(companyId, "inventoryPostingGroup", item.inventoryPostingGroup()))
                .put("inventoryPostingGroupCode", item.inventoryPostingGroup());
    }

    /** The id of a related record named by its code; the empty GUID when there is none, as Business Central has. */
    private static String codeId(String companyId, String table, String code) {
        return code.isEmpty() ? NO_ID : id(companyId + "/" + table + "/" + code);
    }
}
