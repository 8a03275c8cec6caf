package org.muwclass.service.uws.xml;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlTransient;

/**
 * The attributes a uws:jobref and a uws:result share: the id and a simple XLink to the thing. Transient to JAXB, so
 * its attributes land on each subclass's own schema type, as the UWS schema declares them.
 */
@XmlTransient
@XmlAccessorType(XmlAccessType.FIELD)
public abstract class XlinkReference {

    @XmlAttribute(required = true)
    public String id;
    @XmlAttribute(namespace = UwsNamespaces.XLINK)
    public String type = "simple";
    @XmlAttribute(namespace = UwsNamespaces.XLINK)
    public String href;
}
