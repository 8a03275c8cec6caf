package org.muwclass.service.uws.xml;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/** One uws:result (schema type ResultReference) pointing at the result with xlink:href. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "ResultReference")
public class ResultElement {

    @XmlAttribute(required = true)
    public String id;
    @XmlAttribute(namespace = UwsNamespaces.XLINK)
    public String type = "simple";
    @XmlAttribute(namespace = UwsNamespaces.XLINK)
    public String href;
    /** Bytes. */
    @XmlAttribute
    public Long size;
    @XmlAttribute(name = "mime-type")
    public String mimeType;
}
