package org.muwclass.service.uws.xml;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/** uws:errorSummary: type transient|fatal and the message; the full text is at /{job}/error. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "ErrorSummary")
public class ErrorSummaryElement {

    @XmlAttribute(required = true)
    public String type;
    @XmlAttribute(required = true)
    public boolean hasDetail;
    @XmlElement(required = true)
    public String message;
}
