package org.muwclass.service.uws.xml;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.XmlValue;

/** One uws:parameter: the value as text content. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "Parameter")
public class ParameterElement {

    @XmlAttribute(required = true)
    public String id;
    @XmlAttribute
    public Boolean byReference;
    @XmlAttribute
    public Boolean isPost;
    @XmlValue
    public String value;
}
