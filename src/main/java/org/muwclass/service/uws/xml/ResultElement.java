package org.muwclass.service.uws.xml;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/** One uws:result (schema type ResultReference) pointing at the result with xlink:href. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "ResultReference")
public class ResultElement extends XlinkReference {

    /** Bytes. */
    @XmlAttribute
    public Long size;
    @XmlAttribute(name = "mime-type")
    public String mimeType;
}
