package org.muwclass.service.tap.web;

import java.util.List;
import org.muwclass.service.config.ServiceConfig;
import org.muwclass.service.tap.adql.AdqlCompiler;
import org.muwclass.service.tap.adql.Udfs;
import org.muwclass.tables.TableFormat;
import org.muwclass.tables.XmlText;

/** VOSI capabilities of the TAP service, with the TAPRegExt description of what it supports. */
public final class CapabilitiesDocument {

    private CapabilitiesDocument() {
    }

    /** IVOA SSO identifier of HTTP Basic authentication. */
    public static final String BASIC_AA = "ivo://ivoa.net/sso#BasicAA";
    /** IVOA SSO identifier of bearer tokens. */
    public static final String TOKEN = "ivo://ivoa.net/sso#token";

    /** The document of a service without logins (anonymous only). */
    public static String render(String tapUrl, ServiceConfig config) {
        return render(tapUrl, config, List.of());
    }

    /**
     * @param tapUrl          absolute base URL of the TAP service, without a trailing slash
     * @param securityMethods standardIDs of the logins the TAP interface takes besides anonymous access (e.g.
     *                        {@link #BASIC_AA}, {@link #TOKEN}); empty: anonymous only, and no securityMethod
     *                        element is written. Otherwise an empty securityMethod says anonymous access remains
     *                        possible (VOResource 1.1, Interface/securityMethod).
     */
    public static String render(String tapUrl, ServiceConfig config, List<String> securityMethods) {
        StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        x.append("<vosi:capabilities xmlns:vosi=\"http://www.ivoa.net/xml/VOSICapabilities/v1.0\""
                + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
                + " xmlns:vr=\"http://www.ivoa.net/xml/VOResource/v1.0\""
                + " xmlns:vs=\"http://www.ivoa.net/xml/VODataService/v1.1\""
                + " xmlns:tr=\"http://www.ivoa.net/xml/TAPRegExt/v1.0\">\n");
        x.append(" <capability standardID=\"ivo://ivoa.net/std/TAP\" xsi:type=\"tr:TableAccess\">\n");
        x.append("  <interface xsi:type=\"vs:ParamHTTP\" role=\"std\" version=\"1.1\">\n");
        x.append("   <accessURL use=\"base\">").append(XmlText.escape(tapUrl)).append("</accessURL>\n");
        if (!securityMethods.isEmpty()) {
            x.append("   <securityMethod/>\n");
            for (String m : securityMethods) {
                x.append("   <securityMethod standardID=\"").append(XmlText.escape(m)).append("\"/>\n");
            }
        }
        x.append("  </interface>\n");
        x.append("  <language>\n   <name>ADQL</name>\n");
        x.append("   <version ivo-id=\"ivo://ivoa.net/std/ADQL#v2.0\">2.0</version>\n");
        x.append("   <description>ADQL 2.0 (checked and translated with the VOLLT ADQL library)</description>\n");
        x.append("   <languageFeatures type=\"ivo://ivoa.net/std/TAPRegExt#features-adqlgeo\">\n");
        for (String f : AdqlCompiler.GEOMETRY_FUNCTIONS) {
            x.append("    <feature><form>").append(f).append("</form><description>")
                    .append(XmlText.escape(AdqlCompiler.GEOMETRY_DESCRIPTIONS.get(f))).append("</description></feature>\n");
        }
        x.append("   </languageFeatures>\n");
        x.append("   <languageFeatures type=\"ivo://ivoa.net/std/TAPRegExt#features-udf\">\n");
        for (Udfs.Udf u : Udfs.ALL) {
            x.append("    <feature><form>").append(XmlText.escape(u.signature())).append("</form><description>")
                    .append(XmlText.escape(u.description())).append("</description></feature>\n");
        }
        x.append("   </languageFeatures>\n  </language>\n");
        for (TableFormat f : TableFormat.values()) {
            String id = switch (f) {
                case VOTABLE -> " ivo-id=\"ivo://ivoa.net/std/TAPRegExt#output-votable-binary2\"";
                case VOTABLE_TABLEDATA -> " ivo-id=\"ivo://ivoa.net/std/TAPRegExt#output-votable-td\"";
                default -> "";
            };
            x.append("  <outputFormat").append(id).append(">\n   <mime>").append(XmlText.escape(f.mimeType()))
                    .append("</mime>\n");
            for (String alias : f.aliases()) {
                if (!alias.equals(f.mimeType())) {
                    x.append("   <alias>").append(XmlText.escape(alias)).append("</alias>\n");
                }
            }
            x.append("  </outputFormat>\n");
        }
        x.append("  <uploadMethod ivo-id=\"ivo://ivoa.net/std/TAPRegExt#upload-inline\"/>\n");
        // HTTP: only URLs of this service's own job results, read locally (the service never fetches a URL)
        x.append("  <uploadMethod ivo-id=\"ivo://ivoa.net/std/TAPRegExt#upload-http\"/>\n");
        long retention = config.destructionDefault().toSeconds();
        x.append("  <retentionPeriod><default>").append(retention).append("</default><hard>").append(retention)
                .append("</hard></retentionPeriod>\n");
        x.append("  <executionDuration><default>").append(config.executionDurationDefault().toSeconds())
                .append("</default><hard>").append(config.executionDurationLimit().toSeconds())
                .append("</hard></executionDuration>\n");
        x.append("  <outputLimit><default unit=\"row\">").append(config.maxrecDefault())
                .append("</default><hard unit=\"row\">").append(config.maxrecLimit()).append("</hard></outputLimit>\n");
        x.append("  <uploadLimit><default unit=\"byte\">").append(config.uploadLimitBytes())
                .append("</default><hard unit=\"byte\">").append(config.uploadLimitBytes())
                .append("</hard></uploadLimit>\n");
        x.append(" </capability>\n");
        vosi(x, "ivo://ivoa.net/std/VOSI#capabilities", tapUrl + "/capabilities", "vs:ParamHTTP");
        vosi(x, "ivo://ivoa.net/std/VOSI#availability", tapUrl + "/availability", "vs:ParamHTTP");
        vosi(x, "ivo://ivoa.net/std/VOSI#tables-1.1", tapUrl + "/tables", "vs:ParamHTTP");
        vosi(x, "ivo://ivoa.net/std/DALI#examples", tapUrl + "/examples", "vr:WebBrowser");
        return x.append("</vosi:capabilities>\n").toString();
    }

    private static void vosi(StringBuilder x, String standardId, String url, String type) {
        x.append(" <capability standardID=\"").append(standardId).append("\">\n");
        x.append("  <interface xsi:type=\"").append(type).append("\"")
                .append(type.equals("vs:ParamHTTP") ? " version=\"1.1\"" : "").append(">\n");
        x.append("   <accessURL use=\"full\">").append(XmlText.escape(url)).append("</accessURL>\n");
        x.append("  </interface>\n </capability>\n");
    }
}
