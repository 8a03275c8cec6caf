package org.muwclass.service.uws.xml;

/** XML namespaces of the UWS documents. */
public final class UwsNamespaces {

    /** UWS 1.x namespace (1.1 documents keep the v1.0 namespace and say version="1.1"). */
    public static final String UWS = "http://www.ivoa.net/xml/UWS/v1.0";
    public static final String XLINK = "http://www.w3.org/1999/xlink";
    /** This service's jobInfo content (progress). */
    public static final String JOB_INFO = "urn:muwclass:uws:jobinfo";
    public static final String VERSION = "1.1";

    private UwsNamespaces() {
    }
}
