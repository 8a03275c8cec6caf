package org.muwclass.service.tap.adql;

import adql.db.DBColumn;
import adql.db.DBType;
import adql.query.operand.ADQLColumn;
import adql.query.operand.ADQLOperand;
import adql.query.operand.NegativeOperand;
import adql.query.operand.NumericConstant;
import adql.query.operand.function.DefaultUDF;
import adql.query.operand.function.geometry.BoxFunction;
import adql.query.operand.function.geometry.CentroidFunction;
import adql.query.operand.function.geometry.CircleFunction;
import adql.query.operand.function.geometry.GeometryFunction.GeometryValue;
import adql.query.operand.function.geometry.PointFunction;
import adql.query.operand.function.geometry.PolygonFunction;
import adql.translator.TranslationException;

/**
 * The shape an ADQL geometry operand has, known before the query runs, and the combinations both databases answer
 * alike. A BOX (pgSphere's {@code sbox}: edges of constant ra and dec) is accepted only with a POINT, since its
 * constant-declination edges are not great circles and DALI has no box value; the second argument of CONTAINS must be
 * an area (pgSphere has no "inside a point").
 */
enum GeometryKind {
    POINT, CIRCLE, BOX, POLYGON,
    /** A geometry column or expression whose shape is known only per row. */
    ANY;

    static final String BOX_ONLY_WITH_POINT = "BOX(...) can only be used as CONTAINS(POINT, BOX) or "
            + "INTERSECTS(POINT, BOX) on this service (its edges of constant declination are not great circles, and "
            + "DALI has no box value); write the box as a POLYGON to select it or compare it with other shapes";
    static final String REGION_NEEDS_LITERAL = "REGION needs a string literal holding an STC-S POSITION, CIRCLE, "
            + "BOX or POLYGON on this service, e.g. REGION('POLYGON ICRS 10 10 12 10 11 12')";

    /** The kind of a geometry operand (a GeometryValue is unwrapped). */
    static GeometryKind of(ADQLOperand op) {
        if (op instanceof GeometryValue<?> gv) {
            op = gv.getValue();
        }
        if (op instanceof PointFunction || op instanceof CentroidFunction || returnsPoint(op)) {
            return POINT;
        }
        if (op instanceof CircleFunction) {
            return CIRCLE;
        }
        if (op instanceof BoxFunction) {
            return BOX;
        }
        if (op instanceof PolygonFunction) {
            return POLYGON;
        }
        if (op instanceof ADQLColumn col) {
            DBColumn db = col.getDBLink();
            DBType t = db == null ? null : db.getDatatype();
            if (t != null && t.type == DBType.DBDatatype.POINT) {
                return POINT;
            }
        }
        return ANY;
    }

    /** A declared UDF whose result is a POINT ({@link Udfs}: ivo_healpix_center). */
    private static boolean returnsPoint(ADQLOperand op) {
        return op instanceof DefaultUDF udf && udf.getDefinition() != null
                && udf.getDefinition().returnType.type == DBType.DBDatatype.POINT;
    }

    private String adql() {
        return this == ANY ? "a geometry column" : name();
    }

    /**
     * Refuses CONTAINS(a, b) / INTERSECTS(a, b) shape pairs this service does not evaluate.
     *
     * @throws TranslationException naming the pair and what is allowed
     */
    static void check(boolean intersects, ADQLOperand a, ADQLOperand b) throws TranslationException {
        GeometryKind ka = of(a);
        GeometryKind kb = of(b);
        String pair = (intersects ? "INTERSECTS(" : "CONTAINS(") + ka.adql() + ", " + kb.adql() + ")";
        if (ka == BOX || kb == BOX) {
            boolean ok = intersects ? (ka == POINT || kb == POINT) : (ka == POINT && kb == BOX);
            if (!ok) {
                throw new TranslationException(pair + " is not supported: " + BOX_ONLY_WITH_POINT);
            }
        }
        if (!intersects && kb == POINT) {
            throw new TranslationException(pair + " is not supported: the second argument of CONTAINS must be a "
                    + "CIRCLE, POLYGON or BOX (the area the first lies in); compare two points with DISTANCE");
        }
        if (intersects && ka == POINT && kb == POINT) {
            throw new TranslationException(pair + " is not supported: compare two points with DISTANCE");
        }
    }

    /** @throws TranslationException when an operand is certainly not a point */
    static void requirePoints(String function, ADQLOperand... ops) throws TranslationException {
        for (ADQLOperand op : ops) {
            GeometryKind k = of(op);
            if (k != POINT && k != ANY) {
                throw new TranslationException(function + " needs POINT arguments, got a " + k.adql());
            }
        }
    }

    /** The vertices (ra1, dec1, ... in deg) of a polygon written with numeric literals only, else null. */
    static double[] constantVertices(PolygonFunction polygon) {
        return constantParameters(polygon);
    }

    /**
     * The numeric parameters after the coordinate system (point: ra, dec; circle: ra, dec, radius; polygon: vertices)
     * of a shape written with numeric literals only, else null.
     */
    static double[] constantParameters(adql.query.operand.function.geometry.GeometryFunction shape) {
        ADQLOperand[] params = shape.getParameters(); // [0] is the coordinate system
        double[] radec = new double[params.length - 1];
        for (int i = 1; i < params.length; i++) {
            ADQLOperand op = params[i];
            if (op instanceof NumericConstant n) {
                radec[i - 1] = n.getNumericValue();
            } else if (op instanceof NegativeOperand neg && neg.getOperand() instanceof NumericConstant n) {
                radec[i - 1] = -n.getNumericValue();
            } else {
                return null;
            }
        }
        return radec;
    }

    /** @throws TranslationException for a BOX operand */
    static void requireNotBox(String function, ADQLOperand op) throws TranslationException {
        if (of(op) == BOX) {
            throw new TranslationException(function + "(BOX) is not supported: " + BOX_ONLY_WITH_POINT);
        }
    }
}
