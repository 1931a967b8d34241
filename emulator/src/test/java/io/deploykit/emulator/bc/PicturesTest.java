package io.deploykit.emulator.bc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.net.http.HttpRequest.BodyPublishers;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.deploykit.emulator.RunningEmulator;
import io.deploykit.emulator.TestHttp;
import io.deploykit.emulator.bc.pictures.Images;
import io.deploykit.emulator.bc.pictures.PictureSnapshot;

class PicturesTest {

    @RegisterExtension
    static final RunningEmulator<BcEmulator> RUNNING = new RunningEmulator<>(() -> BcEmulator.builder().start());

    private static BcEmulator emulator;
    private static BcClient client;
    private static String company;

    @BeforeAll
    static void start() {
        emulator = RUNNING.get();
        client = new BcClient(emulator);
        company = emulator.company("CRONUS USA, Inc.").id();
    }

    @Test
    void findsRecordsByNumber() {
        JsonNode items = client.get(parents("items") + "?$filter=" + TestHttp.encode("number eq '1896-s'")).json()
                .get("value");

        assertEquals(1, items.size(), items::toString);
        assertEquals("1896-S", items.get(0).get("number").asText());
        assertEquals("ATHENS Desk", items.get(0).get("displayName").asText());
        for (String type : new String[] {"items", "customers", "vendors", "employees", "contacts"}) {
            assertTrue(client.get(parents(type)).json().get("value").size() >= 2, type);
        }
        Response item = client.get(parents("items") + "(" + items.get(0).get("id").asText() + ")");
        assertEquals(200, item.status(), item::toString);
    }

    @Test
    void showsNoPictureUntilOneIsUploaded() {
        String id = idOf("items", "1001");

        Response picture = client.get(picture("items", id));
        Response content = client.get(picture("items", id) + "/pictureContent");

        assertEquals(200, picture.status(), picture::toString);
        assertEquals(id, picture.json().get("id").asText());
        assertEquals("Item", picture.json().get("parentType").asText());
        assertEquals(0, picture.json().get("width").asInt());
        assertEquals(0, picture.json().get("height").asInt());
        assertEquals("", picture.json().get("contentType").asText());
        assertTrue(picture.json().get("@odata.etag").asText().startsWith("W/"));
        assertEquals(204, content.status());
        assertTrue(emulator.pictureOf(company, "items", "1001").isEmpty());
    }

    @Test
    void storesAPictureAndReadsItsSizeAndType() {
        String id = idOf("items", "1000");
        byte[] png = Images.png(64, 48);

        Response uploaded = client.patch(picture("items", id) + "/pictureContent", BodyPublishers.ofByteArray(png),
                "image/png", "*");
        JsonNode metadata = client.get(picture("items", id)).json();
        Response content = client.get(picture("items", id) + "/pictureContent");

        assertEquals(204, uploaded.status(), uploaded::toString);
        assertEquals(64, metadata.get("width").asInt());
        assertEquals(48, metadata.get("height").asInt());
        assertEquals("image/png", metadata.get("contentType").asText());
        assertEquals(200, content.status());
        assertEquals("image/png", content.header("Content-Type"));
        assertArrayEquals(png, content.body());
        PictureSnapshot snapshot = emulator.pictureOf(company, "items", "1000").orElseThrow();
        assertEquals(png.length, snapshot.size());
        assertEquals("Item", snapshot.parentType());
    }

    @Test
    void readsJpegGifAndBmpToo() {
        String[][] cases = {{"customers", "10000", "image/jpeg"}, {"vendors", "10000", "image/gif"},
                {"employees", "AH", "image/bmp"}};
        for (String[] c : cases) {
            byte[] image = switch (c[2]) {
                case "image/jpeg" -> Images.jpeg(30, 20);
                case "image/gif" -> Images.gif(30, 20);
                default -> Images.bmp(30, 20);
            };

            Response uploaded = client.patch(picture(c[0], idOf(c[0], c[1])) + "/pictureContent", image, "*");

            assertEquals(204, uploaded.status(), uploaded::toString);
            PictureSnapshot snapshot = emulator.pictureOf(company, c[0], c[1]).orElseThrow();
            assertEquals(c[2], snapshot.contentType());
            assertEquals(30, snapshot.width());
            assertEquals(20, snapshot.height());
        }
    }

    @Test
    void refusesABodyThatIsNoImage() {
        String id = idOf("contacts", "CT000001");

        Response refused = client.patch(picture("contacts", id) + "/pictureContent",
                "<html>not an image</html>".getBytes(StandardCharsets.UTF_8), "*");

        assertEquals(400, refused.status());
        assertTrue(refused.errorMessage().contains("not a PNG, JPEG, GIF or BMP image"), refused::toString);
        assertTrue(emulator.pictureOf(company, "contacts", "CT000001").isEmpty());
    }

    @Test
    void requiresIfMatchAndTheCurrentETag() {
        String id = idOf("customers", "20000");
        String before = client.get(picture("customers", id)).json().get("@odata.etag").asText();
        byte[] png = Images.png(10, 10);

        Response withoutIfMatch = client.patch(picture("customers", id) + "/pictureContent", png, null);
        Response withETag = client.patch(picture("customers", id) + "/pictureContent", png, before);
        Response stale = client.patch(picture("customers", id) + "/pictureContent", png, before);

        assertEquals(400, withoutIfMatch.status());
        assertEquals("BadRequest_InvalidToken", withoutIfMatch.errorCode());
        assertEquals(204, withETag.status());
        assertEquals(409, stale.status());
        assertNotEquals(before, client.get(picture("customers", id)).json().get("@odata.etag").asText());
    }

    @Test
    void deletesAPicture() {
        String id = idOf("customers", "30000");
        client.patch(picture("customers", id) + "/pictureContent", Images.png(5, 5), "*");

        Response withoutIfMatch = client.delete(picture("customers", id), null);
        Response deleted = client.delete(picture("customers", id), "*");

        assertEquals(400, withoutIfMatch.status());
        assertEquals(204, deleted.status());
        assertEquals(204, client.get(picture("customers", id) + "/pictureContent").status());
        assertEquals(0, client.get(picture("customers", id)).json().get("width").asInt());
        assertTrue(emulator.pictureOf(company, "customers", "30000").isEmpty());
    }

    @Test
    void acceptsTheV1UploadForm() {
        String id = idOf("items", "1900-S");

        Response uploaded = client.patch(parents("items") + "(" + id + ")/picture(" + id + ")/content",
                Images.jpeg(12, 34), "*");

        assertEquals(204, uploaded.status(), uploaded::toString);
        assertEquals(34, emulator.pictureOf(company, "items", "1900-S").orElseThrow().height());
    }

    @Test
    void answersNotFoundForAnUnknownRecord() {
        Response missing = client.get(picture("items", "00000000-0000-0000-0000-000000000001"));

        assertEquals(404, missing.status());
        assertEquals("BadRequest_NotFound", missing.errorCode());
    }

    private static String parents(String type) {
        return "/api/v2.0/companies(" + company + ")/" + type;
    }

    private static String picture(String type, String id) {
        return parents(type) + "(" + id + ")/picture";
    }

    private static String idOf(String type, String number) {
        JsonNode value = client.get(parents(type) + "?$filter=" + TestHttp.encode("number eq '" + number + "'"))
                .json().get("value");
        assertEquals(1, value.size(), value::toString);
        return value.get(0).get("id").asText();
    }
}
