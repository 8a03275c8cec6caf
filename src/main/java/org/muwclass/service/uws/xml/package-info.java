/**
 * JAXB classes of the UWS 1.1 XML documents (namespace http://www.ivoa.net/xml/UWS/v1.0, schema UWS-v1.1.xsd):
 * job, jobs (jobref list), parameters, results (xlink:href) and errorSummary; {@link
 * org.muwclass.service.uws.xml.UwsDocuments} builds them from job records.
 */
@XmlSchema(namespace = UwsNamespaces.UWS, elementFormDefault = XmlNsForm.QUALIFIED, xmlns = {
        @XmlNs(prefix = "uws", namespaceURI = UwsNamespaces.UWS),
        @XmlNs(prefix = "xlink", namespaceURI = UwsNamespaces.XLINK),
        @XmlNs(prefix = "muw", namespaceURI = UwsNamespaces.JOB_INFO)})
package org.muwclass.service.uws.xml;

import jakarta.xml.bind.annotation.XmlNs;
import jakarta.xml.bind.annotation.XmlNsForm;
import jakarta.xml.bind.annotation.XmlSchema;
