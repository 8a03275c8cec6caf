package org.muwclass.service.uws.xml;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.ArrayList;
import java.util.List;

/** The uws:jobs document: the job list. */
@XmlRootElement(name = "jobs")
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "")
public class JobsElement {

    @XmlAttribute
    public String version = UwsNamespaces.VERSION;
    @XmlElement(name = "jobref")
    public List<JobRefElement> jobref = new ArrayList<>();
}
