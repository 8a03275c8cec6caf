package org.muwclass.service.tap.query;

import adql.db.DBColumn;
import java.io.IOException;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.muwclass.service.meta.ColumnDescriptor;
import org.muwclass.service.tap.adql.DescribedColumn;
import uk.ac.starlink.table.AbstractStarTable;
import uk.ac.starlink.table.ColumnInfo;
import uk.ac.starlink.table.RowSequence;

/**
 * A one-pass STIL table reading an open JDBC cursor, so results stream to the client without being held in memory.
 * It returns at most {@code maxrec} rows and then records whether the query had more ({@link #overflowed()}).
 * Column names come from the ADQL select list; unit, UCD, utype and description from the published metadata.
 */
public final class ResultSetStarTable extends AbstractStarTable {

    /** Marks a column read as a DALI geometry array (not a java.sql.Types code). */
    private static final int GEOMETRY = Integer.MIN_VALUE;

    private final ResultSet rs;
    private final int maxrec;
    private final ColumnInfo[] infos;
    private final int[] sqlTypes;
    private boolean used;
    private boolean overflow;
    private long rowsRead;
    private final QueryCancel cancel;

    public ResultSetStarTable(ResultSet rs, List<DBColumn> adqlColumns, int maxrec) throws SQLException {
        this(rs, adqlColumns, maxrec, new QueryCancel());
    }

    /** @param cancel checked before every row: writing stops once the query is cancelled */
    public ResultSetStarTable(ResultSet rs, List<DBColumn> adqlColumns, int maxrec, QueryCancel cancel)
            throws SQLException {
        this.rs = rs;
        this.maxrec = maxrec;
        this.cancel = cancel;
        ResultSetMetaData md = rs.getMetaData();
        int n = md.getColumnCount();
        infos = new ColumnInfo[n];
        sqlTypes = new int[n];
        for (int i = 0; i < n; i++) {
            sqlTypes[i] = md.getColumnType(i + 1);
            DBColumn adql = adqlColumns.size() == n ? adqlColumns.get(i) : null;
            String name = adql != null ? adql.getADQLName() : md.getColumnLabel(i + 1);
            ColumnInfo info = new ColumnInfo(name, javaClass(sqlTypes[i]), null);
            if (info.getContentClass() == String.class) {
                info.setElementSize(-1);
            }
            if (adql instanceof DescribedColumn dc && dc.descriptor() != null) {
                ColumnDescriptor d = dc.descriptor();
                info.setUnitString(blankToNull(d.unit()));
                info.setUCD(blankToNull(d.ucd()));
                info.setUtype(blankToNull(d.utype()));
                info.setDescription(blankToNull(d.description()));
            }
            if (sqlTypes[i] == Types.TIMESTAMP || sqlTypes[i] == Types.TIMESTAMP_WITH_TIMEZONE) {
                info.setXtype("timestamp");
            }
            if (adql instanceof DescribedColumn dc && dc.xtype() != null) {
                info.setXtype(dc.xtype());
                if (GeometryValues.XTYPES.contains(dc.xtype())) { // DALI 1.1: double, arraysize *, degrees
                    info = new ColumnInfo(info);
                    info.setContentClass(double[].class);
                    info.setElementSize(-1);
                    info.setShape(new int[]{-1});
                    if (info.getUnitString() == null) {
                        info.setUnitString("deg");
                    }
                    sqlTypes[i] = GEOMETRY;
                }
            }
            infos[i] = info;
        }
    }

    /** True when the query had more rows than {@code maxrec}; valid after the rows have been read. */
    public boolean overflowed() {
        return overflow;
    }

    public long rowsRead() {
        return rowsRead;
    }

    @Override
    public ColumnInfo getColumnInfo(int icol) {
        return infos[icol];
    }

    @Override
    public int getColumnCount() {
        return infos.length;
    }

    @Override
    public long getRowCount() {
        return -1;
    }

    @Override
    public synchronized RowSequence getRowSequence() throws IOException {
        if (used) {
            throw new IOException("The query result can be read only once");
        }
        used = true;
        return new RowSequence() {
            private Object[] row;

            @Override
            public boolean next() throws IOException {
                if (cancel.cancelled()) {
                    throw new IOException("The query was stopped: " + cancel.reason());
                }
                try {
                    if (rowsRead >= maxrec) {
                        overflow = overflow || rs.next();
                        row = null;
                        return false;
                    }
                    if (!rs.next()) {
                        row = null;
                        return false;
                    }
                    row = new Object[infos.length];
                    for (int i = 0; i < row.length; i++) {
                        row[i] = value(i);
                    }
                    rowsRead++;
                    return true;
                } catch (SQLException e) {
                    if (cancel.cancelled()) {
                        throw new IOException("The query was stopped: " + cancel.reason(), e);
                    }
                    throw new IOException("Reading the query result failed: " + e.getMessage(), e);
                }
            }

            @Override
            public Object getCell(int icol) {
                return row[icol];
            }

            @Override
            public Object[] getRow() {
                return row;
            }

            @Override
            public void close() {
                // the cursor belongs to the query that opened it
            }
        };
    }

    private Object value(int i) throws SQLException {
        int col = i + 1;
        Object v = switch (sqlTypes[i]) {
            case Types.TINYINT, Types.SMALLINT -> {
                short s = rs.getShort(col);
                yield rs.wasNull() ? null : s;
            }
            case Types.INTEGER -> {
                int x = rs.getInt(col);
                yield rs.wasNull() ? null : x;
            }
            case Types.BIGINT -> {
                long x = rs.getLong(col);
                yield rs.wasNull() ? null : x;
            }
            case Types.REAL -> {
                float x = rs.getFloat(col);
                yield rs.wasNull() ? null : x;
            }
            case Types.DOUBLE, Types.FLOAT, Types.NUMERIC, Types.DECIMAL -> {
                double x = rs.getDouble(col);
                yield rs.wasNull() ? null : x;
            }
            case Types.BOOLEAN, Types.BIT -> {
                boolean x = rs.getBoolean(col);
                yield rs.wasNull() ? null : x;
            }
            case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> {
                Timestamp t = rs.getTimestamp(col);
                yield t == null ? null : DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(t.toLocalDateTime());
            }
            case GEOMETRY -> GeometryValues.fromDatabase(rs.getObject(col));
            default -> rs.getString(col);
        };
        return v;
    }

    static Class<?> javaClass(int sqlType) {
        return switch (sqlType) {
            case Types.TINYINT, Types.SMALLINT -> Short.class;
            case Types.INTEGER -> Integer.class;
            case Types.BIGINT -> Long.class;
            case Types.REAL -> Float.class;
            case Types.DOUBLE, Types.FLOAT, Types.NUMERIC, Types.DECIMAL -> Double.class;
            case Types.BOOLEAN, Types.BIT -> Boolean.class;
            default -> String.class;
        };
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
