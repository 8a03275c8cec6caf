package org.muwclass.tables;

import java.util.List;
import java.util.Objects;
import uk.ac.starlink.votable.VOSerializer;

/**
 * A DataLink 1.1 §4 service descriptor: a {@code RESOURCE type="meta" utype="adhoc:service"} telling clients (TOPCAT,
 * pyvo's {@code iter_datalinks}) which service to call for a row and which column values to send.
 *
 * @param standardId e.g. {@code ivo://ivoa.net/std/DataLink#links-1.1}
 * @param accessUrl  absolute URL of the service, e.g. {@code https://host/datalink/links}
 * @param inputs     the service's input parameters
 */
public record ServiceDescriptor(String standardId, String accessUrl, List<Input> inputs) {

    /** The IVOA identifier of DataLink 1.1 {links} endpoints. */
    public static final String DATALINK_LINKS = "ivo://ivoa.net/std/DataLink#links-1.1";

    public ServiceDescriptor {
        Objects.requireNonNull(standardId, "standardId");
        Objects.requireNonNull(accessUrl, "accessUrl");
        inputs = List.copyOf(inputs);
    }

    /**
     * One input parameter: its value is taken per row from column {@code column} (whose FIELD gets the ID
     * {@code fieldId}), or is the constant {@code value} when {@code column} is negative.
     *
     * @param column  0-based column index, or -1 for a constant
     * @param fieldId XML ID given to that column's FIELD (an NCName); null for a constant
     * @param value   the constant value; null for a column reference
     * @param ucd     UCD of the parameter, or null
     */
    public record Input(String name, int column, String fieldId, String value, String ucd) {

        public static Input column(String name, int column, String fieldId, String ucd) {
            return new Input(name, column, fieldId, null, ucd);
        }

        public static Input constant(String name, String value, String ucd) {
            return new Input(name, -1, null, value, ucd);
        }

        public boolean fromColumn() {
            return column >= 0;
        }
    }

    /** The RESOURCE element, ending in a newline. */
    public String toXml() {
        StringBuilder x = new StringBuilder("<RESOURCE type=\"meta\" utype=\"adhoc:service\">\n");
        x.append(charParam("standardID", standardId, null, null));
        x.append(charParam("accessURL", accessUrl, null, null));
        x.append("<GROUP name=\"inputParams\">\n");
        for (Input in : inputs) {
            x.append(charParam(in.name(), in.fromColumn() ? "" : in.value(), in.fromColumn() ? in.fieldId() : null,
                    in.ucd()));
        }
        return x.append("</GROUP>\n</RESOURCE>\n").toString();
    }

    private static String charParam(String name, String value, String ref, String ucd) {
        return "<PARAM" + VOSerializer.formatAttribute("name", name) + " datatype=\"char\" arraysize=\"*\""
                + (ucd == null ? "" : VOSerializer.formatAttribute("ucd", ucd))
                + VOSerializer.formatAttribute("value", value)
                + (ref == null ? "" : VOSerializer.formatAttribute("ref", ref)) + "/>\n";
    }
}
