package org.muwclass.service.tap.adql;

import adql.query.operand.ADQLOperand;
import adql.query.operand.function.geometry.AreaFunction;
import adql.query.operand.function.geometry.BoxFunction;
import adql.query.operand.function.geometry.CentroidFunction;
import adql.query.operand.function.geometry.PolygonFunction;
import adql.query.operand.function.geometry.RegionFunction;
import adql.query.operand.function.geometry.ContainsFunction;
import adql.query.operand.function.geometry.GeometryFunction;
import adql.query.operand.function.geometry.GeometryFunction.GeometryValue;
import adql.query.operand.function.geometry.IntersectsFunction;
import adql.query.operand.function.geometry.PointFunction;
import adql.translator.PgSphereTranslator;
import adql.translator.TranslationException;

/**
 * VOLLT's pgSphere translation with one repair: a point-in-BOX test is written as a plain ra/dec range test.
 * pgSphere 1.2.0's GiST index loses rows for an {@code sbox} that crosses ra = 0 (measured: 35 of 37 training-set
 * sources in BOX('ICRS', 0, 0, 20, 40) with the index, 37 with a sequential scan), and the range test has the same
 * meaning as {@code sbox} (edges of constant ra and dec) and uses the B-tree index on dec. Cones keep the pgSphere
 * expression that the GiST index serves.
 *
 * <p>Also: INTERSECTS with a point becomes {@code @} (pgSphere has no {@code &&} for points), CENTROID of a polygon of
 * numbers is computed here (pgSphere has none), AREA of a point is 0, BOX and REGION follow {@link GeometryKind} and
 * {@link AdqlCompiler}.
 */
public class MuwPgSphereTranslator extends PgSphereTranslator {

    public MuwPgSphereTranslator() {
        super(true);
    }

    @Override
    public String translate(ContainsFunction fn) throws TranslationException {
        String box = pointInBox(fn.getLeftParam(), fn.getRightParam());
        if (box != null) {
            return box;
        }
        GeometryKind.check(false, fn.getLeftParam(), fn.getRightParam());
        return super.translate(fn);
    }

    /** pgSphere has no {@code &&} between a point and a shape: a point meets a shape when the shape holds it. */
    @Override
    public String translate(IntersectsFunction fn) throws TranslationException {
        GeometryValue<GeometryFunction> a = fn.getLeftParam();
        GeometryValue<GeometryFunction> b = fn.getRightParam();
        String box = pointInBox(a, b);
        if (box == null) {
            box = pointInBox(b, a);
        }
        if (box != null) {
            return box;
        }
        GeometryKind.check(true, a, b);
        if (GeometryKind.of(a) == GeometryKind.POINT) {
            return "(" + translate(a) + " @ " + translate(b) + ")";
        }
        if (GeometryKind.of(b) == GeometryKind.POINT) {
            return "(" + translate(b) + " @ " + translate(a) + ")";
        }
        return super.translate(fn);
    }

    @Override
    public String translate(BoxFunction fn) throws TranslationException {
        throw new TranslationException(GeometryKind.BOX_ONLY_WITH_POINT);
    }

    /** REGION is replaced by the shape it names before translation ({@link AdqlCompiler}); one left here is not. */
    @Override
    public String translate(RegionFunction fn) throws TranslationException {
        throw new TranslationException(GeometryKind.REGION_NEEDS_LITERAL);
    }

    @Override
    public String translate(AreaFunction fn) throws TranslationException {
        GeometryKind.requireNotBox("AREA", fn.getParameter());
        if (GeometryKind.of(fn.getParameter()) == GeometryKind.POINT) {
            return "0.0"; // pgSphere has no area(spoint)
        }
        return super.translate(fn);
    }

    /**
     * pgSphere has {@code center()} for circles only: a point is its own centroid, and a polygon written with numeric
     * literals gets its centroid computed here ({@link SphericalPolygon#centroid()}, the same as on H2).
     */
    @Override
    public String translate(CentroidFunction fn) throws TranslationException {
        ADQLOperand g = fn.getParameter(0);
        GeometryKind kind = GeometryKind.of(g);
        GeometryKind.requireNotBox("CENTROID", g);
        if (kind == GeometryKind.CIRCLE) {
            return super.translate(fn);
        }
        if (kind == GeometryKind.POINT) {
            return translate(g);
        }
        ADQLOperand value = g instanceof GeometryValue<?> gv ? gv.getValue() : g;
        double[] radec = value instanceof PolygonFunction p ? GeometryKind.constantVertices(p) : null;
        if (radec == null) {
            throw new TranslationException("CENTROID on PostgreSQL needs a CIRCLE, a POINT or a POLYGON written with "
                    + "numbers (pgSphere has no centroid of a polygon expression)");
        }
        double[] c;
        try {
            c = SkyShape.centroid(new SkyShape.Polygon(SphericalPolygon.of(radec)));
        } catch (IllegalArgumentException e) {
            throw new TranslationException("CENTROID: " + e.getMessage());
        }
        return "spoint(radians(" + c[0] + "),radians(" + c[1] + "))";
    }

    private String pointInBox(GeometryValue<GeometryFunction> a, GeometryValue<GeometryFunction> b)
            throws TranslationException {
        if (GeometryKind.of(a) != GeometryKind.POINT || !(b.getValue() instanceof BoxFunction box)) {
            return null;
        }
        // a POINT(...) gives its coordinates; a point column or CENTROID(...) is an spoint, in radians
        String ra = a.getValue() instanceof PointFunction p ? translate(p.getCoord1())
                : "degrees(long(" + translate(a) + "))";
        String dec = a.getValue() instanceof PointFunction p ? translate(p.getCoord2())
                : "degrees(lat(" + translate(a) + "))";
        String ra0 = translate(box.getCoord1());
        String dec0 = translate(box.getCoord2());
        String w = translate(box.getWidth());
        String h = translate(box.getHeight());
        String offset = "(" + ra + " - ((" + ra0 + ") - (" + w + ") / 2.0))";
        return "(" + dec + " BETWEEN (" + dec0 + ") - (" + h + ") / 2.0 AND (" + dec0 + ") + (" + h + ") / 2.0 AND "
                + offset + " - 360.0 * floor(" + offset + " / 360.0) <= (" + w + "))";
    }

    @Override
    public String translate(adql.query.operand.function.UserDefinedFunction fn) throws TranslationException {
        return Udfs.translate(fn, this, org.muwclass.service.db.SqlDialect.POSTGRESQL);
    }
}
