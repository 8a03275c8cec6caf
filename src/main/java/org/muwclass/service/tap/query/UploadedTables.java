package org.muwclass.service.tap.query;

import adql.db.DBTable;
import adql.db.DBType;
import adql.db.DBType.DBDatatype;
import adql.db.DefaultDBTable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.muwclass.service.config.UploadSettings;
import org.muwclass.service.meta.ColumnDescriptor;
import org.muwclass.service.tap.adql.DescribedColumn;
import org.muwclass.tables.ReadLimits;
import org.muwclass.tables.SafeVoTable;
import org.muwclass.tables.UploadRefusedException;
import uk.ac.starlink.table.ColumnInfo;
import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.table.TableSink;

/**
 * Tables uploaded with a query ({@code TAP_UPLOAD.<name>}): each VOTable is streamed into a fresh database table
 * ({@code tap_upload.u<random>_<n>}, columns {@code c1..cN}) that lives as long as the query, and is presented to the
 * ADQL checker under its upload name and original column names. Only scalar numeric, boolean and string columns are
 * accepted.
 */
public final class UploadedTables implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(UploadedTables.class.getName());
    private static final int BATCH = 500;

    private final Connection connection;
    private final List<DBTable> tables = new ArrayList<>();
    private final List<String> dbTables = new ArrayList<>();

    public UploadedTables(Connection connection) {
        this.connection = connection;
    }

    /** The uploaded tables as the ADQL checker sees them. */
    public List<DBTable> tables() {
        return tables;
    }

    /**
     * Streams one VOTable into the database.
     *
     * @param name       the upload name (ADQL {@code TAP_UPLOAD.name})
     * @param in         the VOTable document
     * @param limitBytes largest accepted size
     * @throws TapException (user error) when the document is not a VOTable, too large, or has unsupported columns
     */
    public void add(String name, InputStream in, long limitBytes) throws TapException {
        add(name, in, limitBytes, UploadSettings.current().tapLimits());
    }

    /**
     * Streams one VOTable into the database through the hardened reader: no DOCTYPE, STREAM href, XInclude or
     * compression; rows and reading time capped by {@code limits}.
     *
     * @param limitBytes largest accepted size, bytes
     * @throws TapException (user error) when the document is refused, not a VOTable, over a limit, or has
     *                      unsupported columns
     */
    public void add(String name, InputStream in, long limitBytes, ReadLimits limits) throws TapException {
        String dbTable = UploadTableName.SCHEMA + "." + UploadTableName.next(java.time.Instant.now(), tables.size());
        Sink sink = new Sink(name, dbTable);
        try {
            SafeVoTable.stream(new LimitedStream(in, limitBytes, name), sink, limits, "UPLOAD " + name);
        } catch (IOException | RuntimeException e) {
            if (sink.error != null) {
                throw sink.error;
            }
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof UploadRefusedException) {
                    throw TapException.user(t.getMessage());
                }
                if (t instanceof UploadLimitException) {
                    throw TapException.user(t.getMessage());
                }
                if (t instanceof SQLException) {
                    throw TapException.fault("Storing upload " + name + " failed: " + t.getMessage(), t);
                }
            }
            throw TapException.user("UPLOAD " + name + " is not a readable VOTable: " + e.getMessage());
        }
        if (sink.error != null) {
            throw sink.error;
        }
        if (sink.table == null) {
            throw TapException.user("UPLOAD " + name + " contains no TABLE");
        }
        tables.add(sink.table);
    }

    /** Drops the upload tables. */
    @Override
    public void close() {
        close(connection);
    }

    /** Drops the upload tables with {@code c}: the connection that wrote them may be back in its pool by now. */
    public void close(Connection c) {
        for (String t : dbTables) {
            try (Statement s = c.createStatement()) {
                s.execute("DROP TABLE IF EXISTS " + t);
            } catch (SQLException e) {
                LOG.log(Level.WARNING, "Could not drop upload table " + t, e);
            }
        }
        dbTables.clear();
    }

    /** Receives the streamed VOTable: creates the table at the metadata, inserts rows in batches. */
    private final class Sink implements TableSink {
        private final String name;
        private final String dbTable;
        private DefaultDBTable table;
        private PreparedStatement insert;
        private int[] sqlTypes;
        /** DALI xtype (point, circle, polygon) of a geometry column, null for the others. */
        private String[] xtypes;
        private boolean postgres;
        private String[] columnNames;
        private long rows;
        private TapException error;

        Sink(String name, String dbTable) {
            this.name = name;
            this.dbTable = dbTable;
        }

        @Override
        public void acceptMetadata(StarTable meta) {
            if (table != null) {
                return; // only the first table of the document is used
            }
            try {
                int n = meta.getColumnCount();
                if (n == 0) {
                    throw TapException.user("UPLOAD " + name + " has no columns");
                }
                DefaultDBTable t = new DefaultDBTable(null, null, "tap_upload", "TAP_UPLOAD",
                        dbTable.substring("tap_upload.".length()), name);
                StringBuilder ddl = new StringBuilder("CREATE TABLE ").append(dbTable).append(" (");
                sqlTypes = new int[n];
                xtypes = new String[n];
                columnNames = new String[n];
                postgres = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT)
                        .contains("postgres");
                java.util.StringJoiner placeholders = new java.util.StringJoiner(",");
                List<String> seen = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    ColumnInfo info = meta.getColumnInfo(i);
                    String colName = info.getName() == null || info.getName().isBlank() ? "col" + (i + 1)
                            : info.getName();
                    // ROOT: in a Turkish locale "ID" and "id" would not be the same name
                    String key = colName.toLowerCase(Locale.ROOT);
                    if (seen.contains(key)) {
                        throw TapException.user("UPLOAD " + name + ": column name '" + colName + "' occurs twice");
                    }
                    seen.add(key);
                    columnNames[i] = colName;
                    ColumnType ct = ColumnType.of(info, postgres).orElseThrow(() -> TapException.user("UPLOAD "
                            + name + ": column '" + colName + "' has type " + info.getContentClass().getSimpleName()
                            + "; only scalar numbers, booleans, strings and DALI point, circle or polygon arrays "
                            + "(datatype double, xtype point/circle/polygon) can be uploaded"));
                    sqlTypes[i] = ct.sqlType;
                    xtypes[i] = ct.geometry;
                    placeholders.add(ct.geometry == null || !postgres ? "?" : "CAST(? AS " + ct.ddl + ")");
                    ddl.append(i == 0 ? "" : ", ").append("c").append(i + 1).append(' ').append(ct.ddl);
                    // keep the uploaded metadata so results carry it (the descriptor name is the database name)
                    ColumnDescriptor described = new ColumnDescriptor("c" + (i + 1), "", ct.voDatatype(),
                            ct.sqlType == Types.VARCHAR || ct.geometry != null ? "*" : "", info.getUnitString(),
                            info.getUCD(), info.getUtype(), info.getDescription(), false, false, false);
                    t.addColumn(new DescribedColumn("c" + (i + 1), colName, ct.adql, t, described,
                            ct.geometry != null ? ct.geometry : info.getXtype()));
                }
                try (Statement s = connection.createStatement()) {
                    s.execute("CREATE SCHEMA IF NOT EXISTS tap_upload");
                    s.execute(ddl.append(')').toString());
                }
                dbTables.add(dbTable);
                insert = connection.prepareStatement("INSERT INTO " + dbTable + " VALUES (" + placeholders + ")");
                table = t;
            } catch (TapException e) {
                error = e;
                throw new IllegalStateException(e.getMessage());
            } catch (SQLException e) {
                throw new IllegalStateException(new IOException(e));
            }
        }

        @Override
        public void acceptRow(Object[] row) throws IOException {
            if (insert == null) {
                return;
            }
            try {
                for (int i = 0; i < sqlTypes.length; i++) {
                    Object v = i < row.length ? row[i] : null;
                    if (v == null || (v instanceof Double d && d.isNaN()) || (v instanceof Float f && f.isNaN())) {
                        insert.setNull(i + 1, sqlTypes[i]);
                    } else if (xtypes[i] != null) {
                        double[] dali = geometry(v, xtypes[i], i);
                        if (dali == null) {
                            insert.setNull(i + 1, postgres ? Types.VARCHAR : Types.ARRAY);
                        } else if (postgres) {
                            insert.setString(i + 1, UploadGeometry.pgSphereText(xtypes[i], dali));
                        } else {
                            Double[] boxed = new Double[dali.length];
                            for (int k = 0; k < dali.length; k++) {
                                boxed[k] = dali[k];
                            }
                            insert.setObject(i + 1, boxed);
                        }
                    } else if (sqlTypes[i] == Types.VARCHAR) {
                        String text = v.toString();
                        if (text.length() > ReadLimits.MAX_STRING_CHARS) {
                            error = TapException.user("UPLOAD " + name + ": the value in column '"
                                    + columnNames[i] + "' of row " + (rows + 1)
                                    + " has " + text.length() + " characters; at most "
                                    + ReadLimits.MAX_STRING_CHARS + " are accepted");
                            throw new IOException(error.getMessage());
                        }
                        insert.setString(i + 1, text);
                    } else {
                        insert.setObject(i + 1, v, sqlTypes[i]);
                    }
                }
                insert.addBatch();
                if (++rows % BATCH == 0) {
                    insert.executeBatch();
                }
            } catch (SQLException e) {
                throw new IOException(e.getMessage(), e);
            }
        }

        /** The checked DALI array of one uploaded geometry cell, or null for an empty (all-NaN) one. */
        private double[] geometry(Object v, String xtype, int column) throws IOException {
            try {
                return UploadGeometry.check(xtype, v);
            } catch (IllegalArgumentException e) {
                error = TapException.user("UPLOAD " + name + ": the " + xtype + " in column '" + columnNames[column]
                        + "' of row " + (rows + 1) + " is not valid: " + e.getMessage());
                throw new IOException(error.getMessage());
            }
        }

        @Override
        public void endRows() throws IOException {
            if (insert == null) {
                return;
            }
            try {
                insert.executeBatch();
                insert.close();
                insert = null;
            } catch (SQLException e) {
                throw new IOException(e.getMessage(), e);
            }
        }
    }

    /** @param geometry DALI xtype of a geometry column, else null */
    private record ColumnType(String ddl, int sqlType, DBType adql, String geometry) {
        ColumnType(String ddl, int sqlType, DBType adql) {
            this(ddl, sqlType, adql, null);
        }

        String voDatatype() {
            return switch (sqlType) {
                case Types.DOUBLE -> "double";
                case Types.REAL -> "float";
                case Types.BIGINT -> "long";
                case Types.INTEGER -> "int";
                case Types.SMALLINT -> "short";
                case Types.BOOLEAN -> "boolean";
                case Types.ARRAY, Types.OTHER -> "double";
                default -> "char";
            };
        }

        static java.util.Optional<ColumnType> of(ColumnInfo info, boolean postgres) {
            Class<?> c = info.getContentClass();
            ColumnType t = null;
            String xtype = UploadGeometry.xtype(info);
            if (xtype != null) {
                // H2: a DALI array in degrees (SkyShape); PostgreSQL: the pgSphere type, so @ and && apply
                DBType adql = new DBType(xtype.equals("point") ? DBDatatype.POINT : DBDatatype.REGION);
                String pg = switch (xtype) {
                    case "point" -> "spoint";
                    case "circle" -> "scircle";
                    default -> "spoly";
                };
                t = postgres ? new ColumnType(pg, Types.OTHER, adql, xtype)
                        : new ColumnType("DOUBLE PRECISION ARRAY", Types.ARRAY, adql, xtype);
            } else if (c == Double.class) {
                t = new ColumnType("DOUBLE PRECISION", Types.DOUBLE, new DBType(DBDatatype.DOUBLE));
            } else if (c == Float.class) {
                t = new ColumnType("REAL", Types.REAL, new DBType(DBDatatype.REAL));
            } else if (c == Long.class) {
                t = new ColumnType("BIGINT", Types.BIGINT, new DBType(DBDatatype.BIGINT));
            } else if (c == Integer.class) {
                t = new ColumnType("INTEGER", Types.INTEGER, new DBType(DBDatatype.INTEGER));
            } else if (c == Short.class || c == Byte.class) {
                t = new ColumnType("SMALLINT", Types.SMALLINT, new DBType(DBDatatype.SMALLINT));
            } else if (c == Boolean.class) {
                t = new ColumnType("BOOLEAN", Types.BOOLEAN, new DBType(DBDatatype.SMALLINT));
            } else if (c == String.class || c == Character.class) {
                t = new ColumnType("VARCHAR", Types.VARCHAR, new DBType(DBDatatype.VARCHAR));
            }
            return java.util.Optional.ofNullable(t);
        }
    }

    private static final class UploadLimitException extends IOException {
        UploadLimitException(String message) {
            super(message);
        }
    }

    /** Fails the read as soon as more than the limit has arrived. */
    private static final class LimitedStream extends FilterInputStream {
        private final long limit;
        private final String name;
        private long count;

        LimitedStream(InputStream in, long limit, String name) {
            super(in);
            this.limit = limit;
            this.name = name;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(long n) throws UploadLimitException {
            count += n;
            if (count > limit) {
                throw new UploadLimitException("UPLOAD " + name + " is larger than the limit of " + limit + " bytes");
            }
        }
    }
}
