package org.muwclass.service.tap.adql;

import adql.db.DBColumn;
import adql.db.DBTable;
import adql.db.DBTableAlias;
import adql.query.ADQLObject;
import adql.query.constraint.Comparison;
import adql.query.constraint.ComparisonOperator;
import adql.query.operand.ADQLColumn;
import adql.query.operand.ADQLOperand;
import adql.query.operand.NegativeOperand;
import adql.query.operand.NumericConstant;
import adql.query.operand.function.geometry.AreaFunction;
import adql.query.operand.function.geometry.BoxFunction;
import adql.query.operand.function.geometry.CentroidFunction;
import adql.query.operand.function.geometry.CircleFunction;
import adql.query.operand.function.geometry.ContainsFunction;
import adql.query.operand.function.geometry.DistanceFunction;
import adql.query.operand.function.geometry.ExtractCoord;
import adql.query.operand.function.geometry.ExtractCoordSys;
import adql.query.operand.function.geometry.GeometryFunction;
import adql.query.operand.function.geometry.GeometryFunction.GeometryValue;
import adql.query.operand.function.geometry.IntersectsFunction;
import adql.query.operand.function.geometry.PointFunction;
import adql.query.operand.function.geometry.PolygonFunction;
import adql.query.operand.function.geometry.RegionFunction;
import adql.translator.PostgreSQLTranslator;
import adql.translator.TranslationException;
import java.util.Set;
import java.util.StringJoiner;

/**
 * ADQL to H2 SQL. Non-geometric SQL is PostgreSQL's (quoted lower-case identifiers, {@code Limit} for TOP), which H2
 * runs unchanged. Geometry predicates become the scalar functions of {@link SkyGeometry}, taking plain coordinates, and
 * a cone or box test compared with 1 (or a DISTANCE upper bound) gets an indexed prefilter in front of it, so an index
 * serves the search instead of a full scan: for a cone with constant centre and radius on a table with the HEALPix
 * cell column ({@link SkyIndex}), {@code muw_hpx IN (cells covering the cone)}; otherwise {@code dec BETWEEN}, served
 * by the B-tree index on the declination column. A POLYGON of numbers gets the cell prefilter of the cone covering it.
 *
 * <p>Other geometry (polygons, shapes from columns or expressions, AREA, CENTROID, selected shapes) is a DALI array
 * {@code CAST(ARRAY[...] AS DOUBLE PRECISION ARRAY)} handed to {@code muw_contains}, {@code muw_intersects},
 * {@code muw_area} and {@code muw_centroid} ({@link SkyGeometry}, {@link SkyShape}); the shape pairs allowed are those
 * of {@link GeometryKind}.
 */
public class H2Translator extends PostgreSQLTranslator {

    /** "schema.table" (database names) of the tables that have the {@link SkyIndex#COLUMN} column. */
    private final Set<String> skyIndexed;

    public H2Translator() {
        this(Set.of());
    }

    /** @param skyIndexedTables "schema.table" (database names) of the tables with the HEALPix cell column */
    public H2Translator(Set<String> skyIndexedTables) {
        super(true);
        this.skyIndexed = Set.copyOf(skyIndexedTables);
    }

    /** The key of {@code skyIndexedTables} for a table. */
    public static String tableKey(DBTable t) {
        return t.getDBSchemaName() + "." + t.getDBName();
    }

    @Override
    public String translate(Comparison comp) throws TranslationException {
        String prefiltered = prefiltered(comp);
        return prefiltered != null ? prefiltered : super.translate(comp);
    }

    /** The comparison with a declination prefilter, or null when it is not a shape the prefilter applies to. */
    private String prefiltered(Comparison comp) throws TranslationException {
        ADQLOperand left = comp.getLeftOperand();
        ADQLOperand right = comp.getRightOperand();
        ComparisonOperator op = comp.getOperator();
        // 1 = CONTAINS(POINT, CIRCLE|BOX) or INTERSECTS(POINT, ...), either way round
        if (op == ComparisonOperator.EQUAL && (isOne(left) || isOne(right))) {
            ADQLOperand fn = isOne(left) ? right : left;
            GeometryValue<GeometryFunction> a;
            GeometryValue<GeometryFunction> b;
            if (fn instanceof ContainsFunction c) {
                a = c.getLeftParam();
                b = c.getRightParam();
            } else if (fn instanceof IntersectsFunction i) {
                a = i.getLeftParam();
                b = i.getRightParam();
                if (b.getValue() instanceof PointFunction) {
                    GeometryValue<GeometryFunction> t = a;
                    a = b;
                    b = t;
                }
            } else {
                return null;
            }
            if (!(a.getValue() instanceof PointFunction p)) {
                return null;
            }
            String dec = translate(p.getCoord2());
            if (b.getValue() instanceof CircleFunction circle) {
                String cells = cellPrefilter(p, circle.getCoord1(), circle.getCoord2(), circle.getRadius());
                if (cells != null) {
                    return "(" + cells + " AND " + translate(fn) + " = 1)";
                }
                String dec0 = translate(circle.getCoord2());
                String r = translate(circle.getRadius());
                return "(" + dec + " BETWEEN (" + dec0 + ") - (" + r + ") AND (" + dec0 + ") + (" + r + ") AND "
                        + translate(fn) + " = 1)";
            }
            if (b.getValue() instanceof PolygonFunction polygon) {
                double[] cover = coveringCircle(polygon);
                String cells = cover == null ? null : cellPrefilter(p, cover[0], cover[1], cover[2]);
                return cells == null ? null : "(" + cells + " AND " + translate(fn) + " = 1)";
            }
            if (b.getValue() instanceof BoxFunction box) {
                String dec0 = translate(box.getCoord2());
                String h = translate(box.getHeight());
                return "(" + dec + " BETWEEN (" + dec0 + ") - (" + h + ") / 2.0 AND (" + dec0 + ") + (" + h
                        + ") / 2.0 AND " + translate(fn) + " = 1)";
            }
            return null;
        }
        // DISTANCE(POINT, POINT) < r or <= r, either way round
        boolean distLeft = left instanceof DistanceFunction
                && (op == ComparisonOperator.LESS_THAN || op == ComparisonOperator.LESS_OR_EQUAL);
        boolean distRight = right instanceof DistanceFunction
                && (op == ComparisonOperator.GREATER_THAN || op == ComparisonOperator.GREATER_OR_EQUAL);
        if (distLeft || distRight) {
            DistanceFunction d = (DistanceFunction) (distLeft ? left : right);
            ADQLOperand bound = distLeft ? right : left;
            if (!(d.getP1().getValue() instanceof PointFunction p1) || !(d.getP2().getValue() instanceof PointFunction p2)) {
                return null;
            }
            // prefilter on the point whose declination is a column, so the index applies
            PointFunction col = p1.getCoord2() instanceof ADQLColumn ? p1 : p2;
            PointFunction ref = col == p1 ? p2 : p1;
            String cells = cellPrefilter(col, ref.getCoord1(), ref.getCoord2(), bound);
            if (cells != null) {
                return "(" + cells + " AND " + super.translate(comp) + ")";
            }
            String r = translate(bound);
            String dec0 = translate(ref.getCoord2());
            return "(" + translate(col.getCoord2()) + " BETWEEN (" + dec0 + ") - (" + r + ") AND (" + dec0 + ") + ("
                    + r + ") AND " + super.translate(comp) + ")";
        }
        return null;
    }

    /**
     * {@code <table>.muw_hpx IN (cells)} for a cone around constant (ra0, dec0) of constant radius when the point is
     * the (ra, dec) columns of a table with the HEALPix cell column; null otherwise.
     */
    private String cellPrefilter(PointFunction p, ADQLOperand ra0, ADQLOperand dec0, ADQLOperand radius)
            throws TranslationException {
        // the column test is the degree overload's: constant() has no side effect, so testing after it is the same
        Double a = constant(ra0);
        Double d = constant(dec0);
        Double r = constant(radius);
        if (a == null || d == null || r == null) {
            return null;
        }
        return cellPrefilter(p, a, d, r);
    }

    /** As {@link #cellPrefilter(PointFunction, ADQLOperand, ADQLOperand, ADQLOperand)} for a cone given in degrees. */
    private String cellPrefilter(PointFunction p, double a, double d, double r) throws TranslationException {
        if (!(p.getCoord1() instanceof ADQLColumn ra) || !(p.getCoord2() instanceof ADQLColumn dec)) {
            return null;
        }
        DBColumn raCol = ra.getDBLink();
        DBColumn decCol = dec.getDBLink();
        if (raCol == null || decCol == null || !"ra".equals(raCol.getDBName()) || !"dec".equals(decCol.getDBName())
                || !skyIndexed(ra) || !skyIndexed(dec)) {
            return null;
        }
        String raSql = translate(ra);
        String suffix = "\"ra\"";
        if (!raSql.endsWith(suffix)) {
            return null;
        }
        String prefix = raSql.substring(0, raSql.length() - suffix.length());
        if (!translate(dec).equals(prefix + "\"dec\"")) {
            return null; // ra and dec of different tables or aliases
        }
        long[] cells = SkyIndex.coveringCells(a, d, r);
        if (cells == null || cells.length == 0) {
            return null;
        }
        StringJoiner in = new StringJoiner(", ", prefix + "\"" + SkyIndex.COLUMN + "\" IN (", ")");
        for (long c : cells) {
            in.add(Long.toString(c));
        }
        return in.toString();
    }

    /**
     * A circle (ra, dec, radius in deg) covering a polygon of constant vertices, or null when a vertex is not a
     * constant or the polygon does not fit in a hemisphere. The cap round the mean vertex direction through the
     * farthest vertex holds every edge, since a cap under 90 deg contains the great-circle arcs between its points.
     */
    private static double[] coveringCircle(PolygonFunction polygon) {
        double[] radec = GeometryKind.constantVertices(polygon);
        if (radec == null) {
            return null;
        }
        try {
            SphericalPolygon poly = SphericalPolygon.of(radec);
            double[] sum = new double[3];
            for (int i = 0; i < poly.size(); i++) {
                for (int k = 0; k < 3; k++) {
                    sum[k] += poly.vertex(i)[k];
                }
            }
            double[] c = SkyVectors.normalised(sum);
            double r = 0;
            for (int i = 0; i < poly.size(); i++) {
                r = Math.max(r, SkyVectors.angle(c, poly.vertex(i)));
            }
            if (!(r < Math.PI / 2) || !poly.contains(c)) {
                return null;
            }
            double[] centre = SkyVectors.raDec(c);
            return new double[]{centre[0], centre[1], Math.toDegrees(r)};
        } catch (IllegalArgumentException e) {
            return null; // reported when the polygon itself is evaluated
        }
    }

    /** Whether the column belongs to a table with the cell column (through an alias too). */
    private boolean skyIndexed(ADQLColumn col) {
        DBTable t = col.getDBLink().getTable();
        while (t instanceof DBTableAlias alias) {
            t = alias.getOriginTable();
        }
        return t != null && skyIndexed.contains(tableKey(t));
    }

    /** The value of a numeric literal (possibly negated), or null for any other operand. */
    private static Double constant(ADQLOperand op) {
        if (op instanceof NumericConstant n) {
            return n.getNumericValue();
        }
        if (op instanceof NegativeOperand neg && neg.getOperand() instanceof NumericConstant n) {
            return -n.getNumericValue();
        }
        return null;
    }

    private static boolean isOne(ADQLOperand op) {
        return op instanceof NumericConstant n && n.getNumericValue() == 1.0;
    }

    @Override
    public String translate(ContainsFunction fn) throws TranslationException {
        return shapeTest(fn.getLeftParam(), fn.getRightParam(), false);
    }

    @Override
    public String translate(IntersectsFunction fn) throws TranslationException {
        GeometryValue<GeometryFunction> a = fn.getLeftParam();
        GeometryValue<GeometryFunction> b = fn.getRightParam();
        if (b.getValue() instanceof PointFunction) {
            return shapeTest(b, a, true);
        }
        return shapeTest(a, b, true);
    }

    /** CONTAINS(a, b) or INTERSECTS(a, b) as an integer 1/0 expression. */
    private String shapeTest(GeometryValue<GeometryFunction> a, GeometryValue<GeometryFunction> b, boolean intersects)
            throws TranslationException {
        ADQLOperand inner = a.getValue();
        ADQLOperand outer = b.getValue();
        if (inner instanceof PointFunction p && outer instanceof CircleFunction c) {
            return call("muw_in_circle", p.getCoord1(), p.getCoord2(), c.getCoord1(), c.getCoord2(), c.getRadius());
        }
        if (inner instanceof PointFunction p && outer instanceof BoxFunction box) {
            return call("muw_in_box", p.getCoord1(), p.getCoord2(), box.getCoord1(), box.getCoord2(), box.getWidth(),
                    box.getHeight());
        }
        if (inner instanceof CircleFunction c1 && outer instanceof CircleFunction c2) {
            return call(intersects ? "muw_circles_overlap" : "muw_circle_in_circle", c1.getCoord1(), c1.getCoord2(),
                    c1.getRadius(), c2.getCoord1(), c2.getCoord2(), c2.getRadius());
        }
        GeometryKind.check(intersects, a, b);
        // a point that is a column or expression (an uploaded point, a CENTROID) in a box
        if (intersects && inner instanceof BoxFunction) {
            GeometryValue<GeometryFunction> t = a;
            a = b;
            b = t;
        }
        if (b.getValue() instanceof BoxFunction box) {
            String g = translate(a);
            return "muw_in_box((" + g + ")[1], (" + g + ")[2], " + translate(box.getCoord1()) + ", "
                    + translate(box.getCoord2()) + ", " + translate(box.getWidth()) + ", " + translate(box.getHeight())
                    + ")";
        }
        return (intersects ? "muw_intersects(" : "muw_contains(") + translate(a) + ", " + translate(b) + ")";
    }

    @Override
    public String translate(DistanceFunction fn) throws TranslationException {
        if (fn.getP1().getValue() instanceof PointFunction p1 && fn.getP2().getValue() instanceof PointFunction p2) {
            return call("muw_distance", p1.getCoord1(), p1.getCoord2(), p2.getCoord1(), p2.getCoord2());
        }
        GeometryKind.requirePoints("DISTANCE", fn.getP1(), fn.getP2());
        String g1 = translate(fn.getP1());
        String g2 = translate(fn.getP2());
        return "muw_distance((" + g1 + ")[1], (" + g1 + ")[2], (" + g2 + ")[1], (" + g2 + ")[2])";
    }

    @Override
    public String translate(ExtractCoord fn) throws TranslationException {
        ADQLOperand point = fn.getParameter(0);
        if (point instanceof GeometryValue<?> gv) {
            point = gv.getValue();
        }
        boolean first = fn.getName().equalsIgnoreCase("COORD1");
        if (point instanceof PointFunction p) {
            return "(" + translate(first ? p.getCoord1() : p.getCoord2()) + ")";
        }
        GeometryKind.requirePoints(fn.getName(), point);
        return "(" + translate(point) + ")[" + (first ? 1 : 2) + "]";
    }

    @Override
    public String translate(ExtractCoordSys fn) throws TranslationException {
        return "'ICRS'";
    }

    /** A point as a geometry value (DALI array, {@link SkyShape}): selected, or compared with a non-literal shape. */
    @Override
    public String translate(PointFunction fn) throws TranslationException {
        return array(fn.getCoord1(), fn.getCoord2());
    }

    @Override
    public String translate(CircleFunction fn) throws TranslationException {
        return array(fn.getCoord1(), fn.getCoord2(), fn.getRadius());
    }

    @Override
    public String translate(BoxFunction fn) throws TranslationException {
        throw new TranslationException(GeometryKind.BOX_ONLY_WITH_POINT);
    }

    @Override
    public String translate(PolygonFunction fn) throws TranslationException {
        ADQLOperand[] params = fn.getParameters();
        return array(java.util.Arrays.copyOfRange(params, 1, params.length));
    }

    /** REGION is replaced by the shape it names before translation ({@link AdqlCompiler}); one left here is not. */
    @Override
    public String translate(RegionFunction fn) throws TranslationException {
        throw new TranslationException(GeometryKind.REGION_NEEDS_LITERAL);
    }

    @Override
    public String translate(AreaFunction fn) throws TranslationException {
        GeometryKind.requireNotBox("AREA", fn.getParameter());
        return "muw_area(" + translate(fn.getParameter()) + ")";
    }

    @Override
    public String translate(CentroidFunction fn) throws TranslationException {
        ADQLOperand g = fn.getParameter(0);
        GeometryKind.requireNotBox("CENTROID", g);
        return "muw_centroid(" + translate(g) + ")";
    }

    private String array(ADQLOperand... values) throws TranslationException {
        StringJoiner sql = new StringJoiner(", ", "CAST(ARRAY[", "] AS DOUBLE PRECISION ARRAY)");
        for (ADQLOperand v : values) {
            sql.add(translate(v));
        }
        return sql.toString();
    }

    private String call(String function, ADQLOperand... args) throws TranslationException {
        StringBuilder sql = new StringBuilder(function).append('(');
        for (int i = 0; i < args.length; i++) {
            sql.append(i == 0 ? "" : ", ").append(translate(args[i]));
        }
        return sql.append(')').toString();
    }

    @Override
    public String translate(adql.query.operand.function.UserDefinedFunction fn) throws TranslationException {
        return Udfs.translate(fn, this, org.muwclass.service.db.SqlDialect.H2);
    }
}
