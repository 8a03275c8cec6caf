package org.muwclass.service.datalink;

import java.util.List;
import org.muwclass.tables.MediaTypes;
import uk.ac.starlink.votable.VOSerializer;

/** Writes a DataLink 1.1 links response: a VOTable 1.4 with the standard columns, in TABLEDATA. */
public final class LinksVoTable {

    public static final String MIME = MediaTypes.DATALINK;

    private static final String[][] FIELDS = {
            {"ID", "char", "*", "meta.id;meta.main"},
            {"access_url", "char", "*", "meta.ref.url"},
            {"service_def", "char", "*", "meta.ref"},
            {"error_message", "char", "*", "meta.code.error"},
            {"semantics", "char", "*", "meta.code"},
            {"description", "char", "*", "meta.note"},
            {"content_type", "char", "*", "meta.code.mime"},
            {"content_length", "long", null, "phys.size;meta.file"},
            {"content_qualifier", "char", "*", "meta.code.class"},
            {"local_semantics", "char", "*", "meta.code"},
            {"link_auth", "char", "*", "meta.code"},
            {"link_authorized", "boolean", null, "meta.code"}};

    private LinksVoTable() {
    }

    public static String render(List<LinkRow> rows) {
        StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        x.append("<VOTABLE version=\"1.4\" xmlns=\"http://www.ivoa.net/xml/VOTable/v1.3\">\n");
        x.append("<RESOURCE type=\"results\">\n<INFO name=\"standardID\" value=\"ivo://ivoa.net/std/DataLink#links-1.1\"/>\n");
        x.append("<TABLE>\n");
        for (String[] f : FIELDS) {
            x.append("<FIELD name=\"").append(f[0]).append("\" datatype=\"").append(f[1]).append('"')
                    .append(f[2] == null ? "" : " arraysize=\"" + f[2] + "\"")
                    .append(f[0].equals("content_length") ? " unit=\"byte\"" : "")
                    .append(" ucd=\"").append(f[3]).append("\"/>\n");
        }
        x.append("<DATA><TABLEDATA>\n");
        for (LinkRow r : rows) {
            x.append("<TR>");
            for (String v : new String[] {r.id(), r.accessUrl(), null, r.errorMessage(), r.semantics(),
                    r.description(), r.contentType(), r.contentLength() < 0 ? null : Long.toString(r.contentLength()),
                    null, null, r.accessUrl() == null ? null : "false", null}) {
                x.append("<TD>").append(v == null ? "" : VOSerializer.formatText(v)).append("</TD>");
            }
            x.append("</TR>\n");
        }
        return x.append("</TABLEDATA></DATA>\n</TABLE>\n</RESOURCE>\n</VOTABLE>\n").toString();
    }
}
