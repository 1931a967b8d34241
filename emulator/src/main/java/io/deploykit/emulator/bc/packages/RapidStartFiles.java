package io.deploykit.emulator.bc.packages;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.LongSupplier;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import io.deploykit.emulator.http.CountingOutputStream;

/**
 * Writes valid RapidStart packages as Business Central exports them: gzip-compressed XML in UTF-16 (little-endian,
 * with a byte order mark) whose root {@code DataList} names the package, one element per table with its
 * {@code TableID}, and records in it. Streamed, so files of any size can be made for benchmarks.
 */
public final class RapidStartFiles {

    /** What was written; the counts are what an import reports as numberOfTables and numberOfRecords. */
    public record Written(Path file, String code, int tables, long records, long bytes) {
    }

    private record Table(int id, String name) {
    }

    /** Real tables first, so that small packages look like real ones; more tables get ids of the customer range. */
    private static final List<Table> TABLES = List.of(
            new Table(3, "PaymentTerms"), new Table(4, "Currency"), new Table(8, "Language"),
            new Table(9, "CountryRegion"), new Table(10, "ShipmentMethod"), new Table(13, "SalespersonPurchaser"),
            new Table(14, "Location"), new Table(92, "CustomerPostingGroup"), new Table(93, "VendorPostingGroup"),
            new Table(204, "UnitOfMeasure"));
    private static final int RECORDS_PER_LARGE_TABLE = 10_000;
    /** Random text compresses poorly, so a large file's size grows nearly with its records. */
    private static final int LARGE_RECORD_TEXT = 200;
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 ";

    private RapidStartFiles() {
    }

    /** A package of {@code tables} tables of {@code recordsPerTable} records each. */
    public static Written write(Path target, String code, String packageName, int tables, int recordsPerTable)
            throws IOException {
        if (tables < 0 || recordsPerTable < 0) {
            throw new IllegalArgumentException("Counts cannot be negative: " + tables + " tables, " + recordsPerTable
                                               + " records per table");
        }
        return generate(target, code, packageName, (xml, compressedBytes) -> {
            long records = 0;
            for (int t = 0; t < tables; t++) {
                records += table(xml, t, recordsPerTable, () -> 0, Long.MAX_VALUE, null);
            }
            return new Counts(tables, records);
        });
    }

    /**
     * A package of about {@code approxBytes} bytes (compressed, as uploaded), with tables of up to 10,000 records
     * of random text. Takes seconds per hundred megabytes.
     */
    public static Written writeOfSize(Path target, String code, long approxBytes) throws IOException {
        SplittableRandom random = new SplittableRandom(code.hashCode());
        return generate(target, code, code + " (" + approxBytes + " bytes)", (xml, compressedBytes) -> {
            int tables = 0;
            long records = 0;
            do {
                records += table(xml, tables++, RECORDS_PER_LARGE_TABLE, compressedBytes, approxBytes, random);
            } while (compressedBytes.getAsLong() < approxBytes);
            return new Counts(tables, records);
        });
    }

    private record Counts(int tables, long records) {
    }

    @FunctionalInterface
    private interface Body {
        Counts write(XMLStreamWriter xml, LongSupplier compressedBytes) throws XMLStreamException;
    }

    private static Written generate(Path target, String code, String packageName, Body body) throws IOException {
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("A package code cannot be blank");
        }
        Counts counts;
        try (CountingOutputStream file = new CountingOutputStream(
                new BufferedOutputStream(Files.newOutputStream(target), 64 * 1024));
             OutputStream gzip = new FastGzipOutputStream(file);
             Writer text = new OutputStreamWriter(gzip, StandardCharsets.UTF_16LE)) {
            // the byte order mark and declaration Business Central writes; readers take the encoding from them
            text.write("\uFEFF<?xml version=\"1.0\" encoding=\"UTF-16\" standalone=\"yes\"?>");
            XMLStreamWriter xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(text);
            xml.writeStartElement("DataList");
            xml.writeAttribute("Code", code);
            xml.writeAttribute("PackageName", packageName == null ? code : packageName);
            xml.writeAttribute("ProductVersion", "26.0");
            xml.writeAttribute("LanguageID", "1033");
            counts = body.write(xml, file::count);
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException("Could not write " + target + ": " + e.getMessage(), e);
        }
        return new Written(target, code, counts.tables(), counts.records(), Files.size(target));
    }

    /**
     * One table. Records stop at {@code records}, or once {@code compressedBytes} reaches {@code maxBytes}.
     *
     * @param random random text for the records, or null for short, readable text
     * @return the number of records written
     */
    private static long table(XMLStreamWriter xml, int index, int records, LongSupplier compressedBytes,
                              long maxBytes, SplittableRandom random) throws XMLStreamException {
        Table table = index < TABLES.size() ? TABLES.get(index)
                : new Table(50_000 + index, "DemoTable" + (index + 1));
        xml.writeStartElement(table.name() + "List");
        xml.writeStartElement("TableID");
        xml.writeCharacters(Integer.toString(table.id()));
        xml.writeEndElement();
        long written = 0;
        while (written < records && compressedBytes.getAsLong() < maxBytes) {
            written++;
            xml.writeStartElement(table.name());
            xml.writeStartElement("Code");
            xml.writeAttribute("PrimaryKey", "1");
            xml.writeCharacters(String.format("R%07d", written));
            xml.writeEndElement();
            xml.writeStartElement("Description");
            xml.writeCharacters(random == null ? table.name() + " record " + written : randomText(random));
            xml.writeEndElement();
            xml.writeEndElement();
        }
        xml.writeEndElement();
        return written;
    }

    private static String randomText(SplittableRandom random) {
        char[] text = new char[LARGE_RECORD_TEXT];
        for (int i = 0; i < text.length; i++) {
            text[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
        }
        return new String(text);
    }

    /** The fastest compression: a generated package's size matters, not its ratio. */
    private static final class FastGzipOutputStream extends GZIPOutputStream {

        FastGzipOutputStream(OutputStream out) throws IOException {
            super(out, 64 * 1024);
            def.setLevel(Deflater.BEST_SPEED);
        }
    }
}
