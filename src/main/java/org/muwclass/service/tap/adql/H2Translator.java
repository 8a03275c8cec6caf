package org.muwclass.service.tap.adql;

import adql.query.ADQLObject;
import adql.query.constraint.Comparison;
import adql.query.constraint.ComparisonOperator;
import adql.query.operand.ADQLColumn;
import adql.query.operand.ADQLOperand;
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

/**
 * ADQL to H2 SQL. Non-geometric SQL is PostgreSQL's (quoted lower-case identifiers, {@code Limit} for TOP), which H2
 * runs unchanged. Geometry predicates become the scalar functions of {@link SkyGeometry}, taking plain coordinates, and
 * a cone or box test compared with 1 (or a DISTANCE upper bound) gets a {@code dec BETWEEN} prefilter in front of it,
 * so a B-tree index on the declination column serves the search instead of a full scan.
 */
public class H2Translator extends PostgreSQLTranslator {

    public H2Translator() {
        super(true);
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
                String dec0 = translate(circle.getCoord2());
                String r = translate(circle.getRadius());
                return "(" + dec + " BETWEEN (" + dec0 + ") - (" + r + ") AND (" + dec0 + ") + (" + r + ") AND "
                        + translate(fn) + " = 1)";
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
            String r = translate(bound);
            String dec0 = translate(ref.getCoord2());
            return "(" + translate(col.getCoord2()) + " BETWEEN (" + dec0 + ") - (" + r + ") AND (" + dec0 + ") + ("
                    + r + ") AND " + super.translate(comp) + ")";
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
        throw new TranslationException((intersects ? "INTERSECTS" : "CONTAINS") + "(" + shapeName(inner) + ", "
                + shapeName(outer) + ") is not supported on this service; supported: CONTAINS(POINT, CIRCLE|BOX), "
                + "INTERSECTS(POINT|CIRCLE, CIRCLE), INTERSECTS(POINT, BOX)");
    }

    private static String shapeName(ADQLOperand op) {
        return op instanceof ADQLColumn ? "column " + ((ADQLColumn) op).getColumnName() : op.getName();
    }

    @Override
    public String translate(DistanceFunction fn) throws TranslationException {
        if (!(fn.getP1().getValue() instanceof PointFunction p1) || !(fn.getP2().getValue() instanceof PointFunction p2)) {
            throw new TranslationException("DISTANCE needs two POINT(...) arguments on this service");
        }
        return call("muw_distance", p1.getCoord1(), p1.getCoord2(), p2.getCoord1(), p2.getCoord2());
    }

    @Override
    public String translate(ExtractCoord fn) throws TranslationException {
        ADQLOperand point = fn.getParameter(0);
        if (point instanceof GeometryValue<?> gv) {
            point = gv.getValue();
        }
        if (!(point instanceof PointFunction p)) {
            throw new TranslationException(fn.getName() + " needs a POINT(...) argument on this service");
        }
        return "(" + translate(fn.getName().equalsIgnoreCase("COORD1") ? p.getCoord1() : p.getCoord2()) + ")";
    }

    @Override
    public String translate(ExtractCoordSys fn) throws TranslationException {
        return "'ICRS'";
    }

    @Override
    public String translate(PointFunction fn) throws TranslationException {
        throw standalone(fn);
    }

    @Override
    public String translate(CircleFunction fn) throws TranslationException {
        throw standalone(fn);
    }

    @Override
    public String translate(BoxFunction fn) throws TranslationException {
        throw standalone(fn);
    }

    @Override
    public String translate(PolygonFunction fn) throws TranslationException {
        throw standalone(fn);
    }

    @Override
    public String translate(RegionFunction fn) throws TranslationException {
        throw standalone(fn);
    }

    @Override
    public String translate(AreaFunction fn) throws TranslationException {
        throw standalone(fn);
    }

    @Override
    public String translate(CentroidFunction fn) throws TranslationException {
        throw standalone(fn);
    }

    private static TranslationException standalone(ADQLObject fn) {
        return new TranslationException(fn.getName() + "(...) can only be used inside CONTAINS, INTERSECTS, DISTANCE "
                + "or COORD1/COORD2 on this service; select the coordinate columns instead");
    }

    private String call(String function, ADQLOperand... args) throws TranslationException {
        StringBuilder sql = new StringBuilder(function).append('(');
        for (int i = 0; i < args.length; i++) {
            sql.append(i == 0 ? "" : ", ").append(translate(args[i]));
        }
        return sql.append(')').toString();
    }
}
