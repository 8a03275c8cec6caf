package org.muwclass.service.tap.web;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import org.muwclass.service.meta.ServiceDescription;
import org.muwclass.tables.XmlText;

/**
 * The service's VOResource 1.1 record for registry publication: a {@code ri:Resource} (RegistryInterface 1.0, the
 * element OAI-PMH harvesters and registry validators expect) of {@code xsi:type="vs:CatalogService"} built from
 * vo-config/service.properties, the TAPRegExt capabilities and the tableset. Capabilities and tables are the very
 * documents the service serves ({@link CapabilitiesDocument}, {@link TablesDocument}), so the record cannot drift
 * from them.
 */
public final class RegistryRecord {

    private static final String NS = " xmlns:ri=\"http://www.ivoa.net/xml/RegistryInterface/v1.0\""
            + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
            + " xmlns:vr=\"http://www.ivoa.net/xml/VOResource/v1.0\""
            + " xmlns:vs=\"http://www.ivoa.net/xml/VODataService/v1.1\""
            + " xmlns:tr=\"http://www.ivoa.net/xml/TAPRegExt/v1.0\"";

    private RegistryRecord() {
    }

    /**
     * @param capabilities the VOSI capabilities document ({@link CapabilitiesDocument#render})
     * @param tableset     the VOSI tableset document ({@link TablesDocument#tableset})
     * @param updated      when the record's content last changed (the metadata is read at start-up)
     * @throws IllegalArgumentException when vo-config gives no subject (VOResource requires one)
     */
    public static String render(ServiceDescription svc, String capabilities, String tableset, Instant updated) {
        if (svc.subjects().isEmpty()) {
            throw new IllegalArgumentException("vo-config/service.properties: service.subjects is needed for the "
                    + "registry record (VOResource requires at least one subject)");
        }
        StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        x.append("<ri:Resource").append(NS).append(" xsi:type=\"vs:CatalogService\" created=\"")
                .append(XmlText.escape(svc.created())).append("\" updated=\"")
                .append(updated.truncatedTo(ChronoUnit.SECONDS)).append("\" status=\"active\">\n");
        x.append(" ").append(XmlText.element("title", svc.title())).append('\n');
        x.append(" ").append(XmlText.element("shortName", svc.shortName())).append('\n');
        x.append(" ").append(XmlText.element("identifier", svc.identifier())).append('\n');
        curation(x, svc);
        content(x, svc);
        x.append(children(capabilities, "vosi:capabilities"));
        x.append(" <tableset>\n").append(children(tableset, "vosi:tableset")).append(" </tableset>\n");
        return x.append("</ri:Resource>\n").toString();
    }

    private static void curation(StringBuilder x, ServiceDescription svc) {
        x.append(" <curation>\n  ").append(XmlText.element("publisher", svc.publisher())).append('\n');
        Arrays.stream(svc.creator().split(";")).map(String::strip).filter(c -> !c.isEmpty())
                .forEach(c -> x.append("  <creator>").append(XmlText.element("name", c)).append("</creator>\n"));
        x.append("  ").append(XmlText.element("version", svc.version())).append('\n');
        x.append("  <contact>").append(XmlText.element("name", svc.contactName().isBlank() ? svc.publisher()
                : svc.contactName())).append(XmlText.element("email", svc.contactEmail())).append("</contact>\n");
        x.append(" </curation>\n");
    }

    private static void content(StringBuilder x, ServiceDescription svc) {
        x.append(" <content>\n");
        for (String s : svc.subjects()) {
            x.append("  ").append(XmlText.element("subject", s)).append('\n');
        }
        x.append("  ").append(XmlText.element("description", svc.description())).append('\n');
        x.append("  ").append(XmlText.element("referenceURL", svc.referenceUrl())).append('\n');
        x.append("  <type>Catalog</type>\n  <contentLevel>Research</contentLevel>\n");
        x.append(" </content>\n");
    }

    /** What lies between the start and end tags of the root element {@code root} of {@code doc}. */
    static String children(String doc, String root) {
        int open = doc.indexOf("<" + root);
        int start = doc.indexOf('>', open) + 1;
        int end = doc.lastIndexOf("</" + root + ">");
        if (open < 0 || end < start) {
            throw new IllegalArgumentException("not a " + root + " document");
        }
        String inner = doc.substring(start, end);
        return inner.startsWith("\n") ? inner.substring(1) : inner;
    }
}
