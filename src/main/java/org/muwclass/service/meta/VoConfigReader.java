package org.muwclass.service.meta;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.muwclass.core.io.CsvTable;

/**
 * Reads the VO metadata of {@code vo-config/}: {@code service.properties}, {@code schema/schemas.csv},
 * {@code schema/tables.csv} and one {@code schema/columns/<table>.csv} per table. The files come from a directory
 * when one is configured, else from the copy packaged in the WAR (classpath {@code /vo-config/}).
 */
public final class VoConfigReader {

    private final Source source;

    private VoConfigReader(Source source) {
        this.source = source;
    }

    public static VoConfigReader fromDirectory(Path dir) {
        return new VoConfigReader(name -> {
            Path p = dir.resolve(name);
            return Files.exists(p) ? Files.newInputStream(p) : null;
        });
    }

    public static VoConfigReader fromClasspath() {
        return new VoConfigReader(name -> VoConfigReader.class.getResourceAsStream("/vo-config/" + name));
    }

    public VoMetadata read() {
        Properties p = new Properties();
        try (InputStream in = open("service.properties");
             Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException("vo-config/service.properties: " + e.getMessage(), e);
        }
        ServiceDescription service = new ServiceDescription(
                required(p, "service.title"), required(p, "service.shortName"), required(p, "service.description"),
                required(p, "service.publisher"), p.getProperty("service.creator", ""),
                p.getProperty("service.contact.name", ""), p.getProperty("service.contact.email", ""),
                p.getProperty("service.referenceURL", ""), p.getProperty("service.version", "unknown"),
                p.getProperty("service.identifier", ServiceDescription.UNREGISTERED).strip(),
                java.util.Arrays.stream(p.getProperty("service.subjects", "").split(";")).map(String::strip)
                        .filter(x -> !x.isEmpty()).toList(),
                p.getProperty("service.created", "1970-01-01T00:00:00Z").strip());
        if (!service.identifier().startsWith("ivo://")) {
            throw new IllegalArgumentException("vo-config/service.properties: service.identifier must be an IVOA "
                    + "identifier ivo://authority/path, not '" + service.identifier() + "'");
        }

        List<SchemaDescriptor> schemas = new ArrayList<>();
        CsvTable s = csv("schema/schemas.csv");
        for (int i = 0; i < s.rowCount(); i++) {
            schemas.add(new SchemaDescriptor(req(s, i, "schema_name"), s.text(i, "description").orElse("")));
        }
        List<TableDescriptor> tables = new ArrayList<>();
        CsvTable t = csv("schema/tables.csv");
        for (int i = 0; i < t.rowCount(); i++) {
            String name = req(t, i, "table_name");
            tables.add(new TableDescriptor(req(t, i, "schema_name"), name, t.text(i, "table_type").orElse("table"),
                    t.text(i, "description").orElse(""), t.text(i, "utype").orElse(""),
                    columns("schema/columns/" + name + ".csv")));
        }
        return new VoMetadata(service, schemas, tables);
    }

    private List<ColumnDescriptor> columns(String file) {
        CsvTable c = csv(file);
        List<ColumnDescriptor> out = new ArrayList<>();
        for (int i = 0; i < c.rowCount(); i++) {
            try {
                out.add(new ColumnDescriptor(req(c, i, "column_name"), c.text(i, "source_column").orElse(""),
                        req(c, i, "datatype"), c.text(i, "arraysize").orElse(""), c.text(i, "unit").orElse(""),
                        c.text(i, "ucd").orElse(""), c.text(i, "utype").orElse(""),
                        c.text(i, "description").orElse(""), flag(c, i, "principal"), flag(c, i, "indexed"),
                        flag(c, i, "std")));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("vo-config/" + file + " row " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    private CsvTable csv(String name) {
        try (InputStream in = open(name); Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return CsvTable.read(r);
        } catch (IOException e) {
            throw new UncheckedIOException("vo-config/" + name + ": " + e.getMessage(), e);
        }
    }

    private InputStream open(String name) throws IOException {
        InputStream in = source.open(name);
        if (in == null) {
            throw new IOException("missing file");
        }
        return in;
    }

    private static boolean flag(CsvTable t, int row, String col) {
        return t.text(row, col).map(v -> v.equals("1") || v.equalsIgnoreCase("true")).orElse(false);
    }

    private static String req(CsvTable t, int row, String col) {
        return t.text(row, col).orElseThrow(() ->
                new IllegalArgumentException("column '" + col + "' is empty in row " + (row + 1)));
    }

    private static String required(Properties p, String key) {
        String v = p.getProperty(key);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("vo-config/service.properties: '" + key + "' is required");
        }
        return v.trim();
    }

    @FunctionalInterface
    private interface Source {
        InputStream open(String name) throws IOException;
    }
}
