package org.muwclass.tables;

import java.io.BufferedWriter;
import java.io.DataOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import uk.ac.starlink.ecsv.EcsvTableWriter;
import uk.ac.starlink.fits.CardImage;
import uk.ac.starlink.fits.FitsTableSerializer;
import uk.ac.starlink.fits.FitsTableWriter;
import uk.ac.starlink.table.DefaultValueInfo;
import uk.ac.starlink.table.DescribedValue;
import uk.ac.starlink.table.RowSequence;
import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.table.StoragePolicy;
import uk.ac.starlink.table.WrapperStarTable;
import uk.ac.starlink.table.formats.CsvTableWriter;

/**
 * Writes a table in any {@link TableFormat} with its facts ({@link TableAnnotations#infos()}) in that format's own
 * place: VOTable INFO elements ({@link VotableDocument}), FITS header cards ({@link ProvenanceCards}), a CSV/TSV
 * comment header of {@code # name: value} lines before the column names, ECSV {@code meta}. With no facts, CSV, TSV,
 * FITS and ECSV are exactly STIL's output. Rows are read once, except FITS, whose header needs the row count first
 * (a streamed table is copied, to disk when large).
 */
public final class TableDocuments {

    private TableDocuments() {
    }

    /** Writes {@code table} to {@code out} (flushed, not closed); a VOTable has no OVERFLOW trailer. */
    public static void write(StarTable table, TableFormat format, TableAnnotations annotations, OutputStream out)
            throws IOException {
        Map<String, String> facts = annotations.infos();
        switch (format) {
            case VOTABLE, VOTABLE_TABLEDATA -> VotableDocument.write(table, format.votableData(), annotations,
                    () -> false, out);
            case CSV -> {
                writeCommentHeader(facts, out);
                new CsvTableWriter(true).writeStarTable(table, out);
            }
            case TSV -> {
                writeCommentHeader(facts, out);
                writeTsv(table, out);
            }
            case FITS -> {
                List<CardImage> cards = ProvenanceCards.cards(facts);
                // no facts: STIL's own writer, so the header (STILCLAS card included) is what it always was
                FitsTableWriter writer = cards.isEmpty() ? new FitsTableWriter() : new CardsFitsWriter(cards);
                writer.writeStarTable(table.isRandom() ? table : StoragePolicy.PREFER_DISK.copyTable(table), out);
            }
            case ECSV -> EcsvTableWriter.SPACE_WRITER.writeStarTable(withParameters(table, facts), out);
            default -> throw new IllegalStateException(format.name());
        }
        out.flush();
    }

    /** The comment header: one {@code # name: value} line per fact (line breaks in values become spaces). */
    static void writeCommentHeader(Map<String, String> facts, OutputStream out) throws IOException {
        if (facts.isEmpty()) {
            return;
        }
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, String> e : facts.entrySet()) {
            b.append("# ").append(oneLine(e.getKey())).append(": ").append(oneLine(e.getValue())).append('\n');
        }
        out.write(b.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
    }

    private static void writeTsv(StarTable table, OutputStream out) throws IOException {
        BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        int n = table.getColumnCount();
        for (int i = 0; i < n; i++) {
            w.write((i == 0 ? "" : "\t") + tsvCell(table.getColumnInfo(i).getName()));
        }
        w.write('\n');
        try (RowSequence rows = table.getRowSequence()) {
            while (rows.next()) {
                for (int i = 0; i < n; i++) {
                    Object v = rows.getCell(i);
                    w.write((i == 0 ? "" : "\t") + (v == null ? "" : tsvCell(cellText(v))));
                }
                w.write('\n');
            }
        }
        w.flush();
    }

    /** A cell as text; arrays (DALI geometry values among them) as space-separated numbers, DALI's array form. */
    static String cellText(Object v) {
        if (v instanceof double[] d) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < d.length; i++) {
                b.append(i == 0 ? "" : " ").append(d[i]);
            }
            return b.toString();
        }
        return v.toString();
    }

    private static String tsvCell(String s) {
        return s.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
    }

    /** The table with the facts added to its parameters (ECSV writes parameters as {@code meta}). */
    private static StarTable withParameters(StarTable table, Map<String, String> facts) {
        if (facts.isEmpty()) {
            return table;
        }
        List<DescribedValue> params = new ArrayList<>(table.getParameters());
        for (Map.Entry<String, String> e : facts.entrySet()) {
            params.add(new DescribedValue(new DefaultValueInfo(e.getKey(), String.class, null), e.getValue()));
        }
        return new WrapperStarTable(table) {
            @Override
            public List<DescribedValue> getParameters() {
                return params;
            }
        };
    }

    /** STIL's FITS writer with extra cards at the end of the table HDU's header. */
    private static final class CardsFitsWriter extends FitsTableWriter {
        private final List<CardImage> extra;

        CardsFitsWriter(List<CardImage> extra) {
            this.extra = extra;
        }

        @Override
        public FitsTableSerializer createSerializer(StarTable table) throws IOException {
            FitsTableSerializer base = super.createSerializer(table);
            if (extra.isEmpty()) {
                return base;
            }
            return new FitsTableSerializer() {
                @Override
                public CardImage[] getHeader() {
                    List<CardImage> all = new ArrayList<>(List.of(base.getHeader()));
                    all.addAll(extra);
                    return all.toArray(new CardImage[0]);
                }

                @Override
                public void writeData(DataOutput out) throws IOException {
                    base.writeData(out);
                }

                @Override
                public long getRowCount() {
                    return base.getRowCount();
                }

                @Override
                public int[] getDimensions(int icol) {
                    return base.getDimensions(icol);
                }

                @Override
                public char getFormatChar(int icol) {
                    return base.getFormatChar(icol);
                }

                @Override
                public String getBadValue(int icol) {
                    return base.getBadValue(icol);
                }
            };
        }
    }
}
