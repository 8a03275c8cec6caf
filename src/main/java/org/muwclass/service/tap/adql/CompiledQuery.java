package org.muwclass.service.tap.adql;

import adql.db.DBColumn;
import java.util.List;

/**
 * A checked ADQL query and its SQL for one database.
 *
 * @param adql    the query as the user wrote it
 * @param sql     the translated SQL
 * @param columns the result columns in order, with published metadata where a column comes from a table
 *                ({@link DescribedColumn})
 */
public record CompiledQuery(String adql, String sql, List<DBColumn> columns) {

    public CompiledQuery {
        columns = List.copyOf(columns);
    }
}
