package io.deploykit.camel.bc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import io.deploykit.camel.bc.model.Picture;
import io.deploykit.camel.core.error.InvalidInputException;
import io.deploykit.camel.core.error.NotFoundException;
import io.deploykit.emulator.bc.pictures.Images;

/** Pictures of items and other records, found by number, streamed up, read back, deleted. */
class PictureTest extends BcTestSupport {

    private static final String PICTURE = "bc:picture?operation=";

    /**
     * Two pictures updated one after the other on the same exchange, each record named by number: the second goes
     * to its own record, not to the one whose id the first update set as its result.
     */
    @Test
    void twoPicturesUpdatedOnOneExchangeGoToTheirOwnRecords() throws Exception {
        Exchange exchange = new org.apache.camel.support.DefaultExchange(context);
        exchange.getMessage().setBody(Files.write(dir.resolve("desk.png"), Images.png(30, 20)).toFile());
        exchange.getMessage().setHeader(BcConstants.PARENT_NUMBER, "1896-S");
        template.send(PICTURE + "update", exchange);
        assertNull(exchange.getException());

        exchange.getMessage().setBody(Files.write(dir.resolve("chair.png"), Images.png(14, 28)).toFile());
        exchange.getMessage().setHeader(BcConstants.PARENT_NUMBER, "1900-S");
        template.send(PICTURE + "update", exchange);

        assertNull(exchange.getException());
        assertEquals(30, emulator.pictureOf(companyId(), "items", "1896-S").orElseThrow().width());
        assertEquals(14, emulator.pictureOf(companyId(), "items", "1900-S").orElseThrow().width(), "its own picture");
        assertEquals(14, exchange.getMessage().getBody(Picture.class).getWidth());
    }

    @Test
    void anItemPictureIsUpdatedByNumberAndReadBack() throws Exception {
        byte[] png = Images.png(64, 48);
        Path file = Files.write(dir.resolve("1000.png"), png);

        Picture updated = template.requestBodyAndHeader(PICTURE + "update", file.toFile(), BcConstants.PARENT_NUMBER,
                "1000", Picture.class);

        assertEquals(64, updated.getWidth());
        assertEquals(48, updated.getHeight());
        assertEquals("image/png", updated.getContentType());
        assertEquals("Item", updated.getParentType());

        Picture metadata = template.requestBodyAndHeader(PICTURE + "get", null, BcConstants.PARENT_ID, updated.getId(),
                Picture.class);
        assertEquals(64, metadata.getWidth());

        Exchange content = send(PICTURE + "getContent", null, BcConstants.PARENT_NUMBER, "1000");
        assertArrayEquals(png, content.getMessage().getBody(byte[].class));
        assertTrue(content.getMessage().getHeader(BcConstants.CONTENT_TYPE, String.class).startsWith("image/png"));

        template.requestBodyAndHeader(PICTURE + "delete", null, BcConstants.PARENT_NUMBER, "1000");
        Exchange none = send(PICTURE + "getContent", null, BcConstants.PARENT_NUMBER, "1000");
        assertNull(none.getException());
        assertNull(none.getMessage().getBody());
        Picture gone = template.requestBodyAndHeader(PICTURE + "get", null, BcConstants.PARENT_NUMBER, "1000", Picture.class);
        assertFalse(gone.exists());
    }

    @Test
    void otherRecordTypesAreChosenByHeaderOrOption() throws Exception {
        byte[] jpeg = Images.jpeg(20, 30);
        Picture customer = template.requestBodyAndHeaders(PICTURE + "update", jpeg,
                Map.of(BcConstants.PARENT_TYPE, "customers", BcConstants.PARENT_NUMBER, "10000"), Picture.class);
        assertEquals("Customer", customer.getParentType());
        assertEquals("image/jpeg", customer.getContentType());
        assertEquals(20, customer.getWidth());

        Picture vendor = template.requestBodyAndHeader(PICTURE + "update&parentType=vendors", Images.png(5, 5),
                BcConstants.PARENT_NUMBER, "10000", Picture.class);
        assertEquals("Vendor", vendor.getParentType());
    }

    @Test
    void anUnknownNumberIsNamedInTheError() {
        Exchange result = send(PICTURE + "get", null, BcConstants.PARENT_NUMBER, "NO-SUCH-ITEM");
        NotFoundException e = assertInstanceOf(NotFoundException.class, failure(result));
        assertTrue(e.getMessage().contains("item") && e.getMessage().contains("NO-SUCH-ITEM"), e.getMessage());
    }

    @Test
    void aFileThatIsNoPictureIsRefusedBeforeAnythingIsSent() throws Exception {
        Path text = Files.writeString(dir.resolve("1000.png"), "not an image");
        emulator.clearRequests();
        Exchange result = send(PICTURE + "update", text.toFile(), BcConstants.PARENT_NUMBER, "1000");
        InvalidInputException e = assertInstanceOf(InvalidInputException.class, failure(result));
        assertTrue(e.getMessage().contains("1000.png"), e.getMessage());
        assertEquals(List.of(), emulator.requests());
    }
}
