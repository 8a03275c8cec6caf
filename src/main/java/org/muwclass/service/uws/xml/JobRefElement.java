package org.muwclass.service.uws.xml;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/** One uws:jobref of the job list (schema type ShortJobDescription). */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "ShortJobDescription", propOrder = {"phase", "runId", "ownerId", "creationTime"})
public class JobRefElement extends XlinkReference {

    @XmlElement(required = true)
    public String phase;
    @XmlElement
    public String runId;
    @XmlElement(nillable = true)
    public String ownerId;
    @XmlElement
    public String creationTime;
}
