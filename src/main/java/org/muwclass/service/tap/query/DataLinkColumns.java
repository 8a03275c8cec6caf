package org.muwclass.service.tap.query;

import adql.db.DBColumn;
import adql.db.DBTable;
import adql.db.DBTableAlias;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.muwclass.tables.ServiceDescriptor;

/**
 * Which result columns identify sources that have DataLink links ({@code /datalink/links}), decided from where each
 * output column comes from: {@code name} of {@code muwclass.training_set} (ID = the name), or {@code name} together
 * with {@code run_id} of {@code muwclass.classified_sources} (ID = the name, RUN_ID = the run). A result gets the
 * service descriptor only when those columns are in its output; computed or renamed-from-elsewhere columns do not
 * count.
 */
public final class DataLinkColumns {

    static final String SCHEMA = "muwclass";
    static final String TRAINING = "training_set";
    static final String CLASSIFIED = "classified_sources";
    /** XML IDs of the FIELDs the descriptor's PARAMs refer to. */
    static final String ID_FIELD = "datalink_id";
    static final String RUN_FIELD = "datalink_run_id";

    private DataLinkColumns() {
    }

    /**
     * The descriptor for a result with these columns, or empty when no source identifier is among them.
     *
     * @param linksUrl absolute URL of the DataLink {links} endpoint; null: no descriptors
     */
    public static Optional<ServiceDescriptor> descriptor(List<DBColumn> columns, String linksUrl) {
        if (linksUrl == null) {
            return Optional.empty();
        }
        int trainingName = find(columns, TRAINING, "name");
        int classifiedName = find(columns, CLASSIFIED, "name");
        int classifiedRun = find(columns, CLASSIFIED, "run_id");
        if (classifiedName >= 0 && classifiedRun >= 0) {
            return Optional.of(new ServiceDescriptor(ServiceDescriptor.DATALINK_LINKS, linksUrl, List.of(
                    ServiceDescriptor.Input.column("ID", classifiedName, ID_FIELD, "meta.id;meta.main"),
                    ServiceDescriptor.Input.column("RUN_ID", classifiedRun, RUN_FIELD, "meta.id"))));
        }
        if (trainingName >= 0) {
            return Optional.of(new ServiceDescriptor(ServiceDescriptor.DATALINK_LINKS, linksUrl, List.of(
                    ServiceDescriptor.Input.column("ID", trainingName, ID_FIELD, "meta.id;meta.main"))));
        }
        return Optional.empty();
    }

    /** Index of the first output column that is {@code column} of muwclass.{@code table}, or -1. */
    private static int find(List<DBColumn> columns, String table, String column) {
        for (int i = 0; i < columns.size(); i++) {
            DBColumn c = columns.get(i);
            DBTable t = c == null ? null : c.getTable();
            if (t instanceof DBTableAlias alias) { // "FROM muwclass.training_set AS t"
                t = alias.getOriginTable();
            }
            if (t != null && SCHEMA.equalsIgnoreCase(unquote(t.getDBSchemaName()))
                    && table.equalsIgnoreCase(unquote(t.getDBName())) && column.equals(lower(unquote(c.getDBName())))) {
                return i;
            }
        }
        return -1;
    }

    private static String unquote(String s) {
        return s == null ? null : s.replace("\"", "");
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }
}
