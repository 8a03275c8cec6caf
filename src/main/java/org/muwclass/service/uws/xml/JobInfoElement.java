package org.muwclass.service.uws.xml;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/** uws:jobInfo: this service puts the progress of the job there, in its own namespace. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "")
public class JobInfoElement {

    @XmlElement(namespace = UwsNamespaces.JOB_INFO)
    public ProgressElement progress;

    /** Work done of the total (a classification: estimated core-ms) and its fraction (absent while unknown). */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "Progress", namespace = UwsNamespaces.JOB_INFO)
    public static class ProgressElement {
        @XmlAttribute
        public long done;
        @XmlAttribute
        public long total;
        @XmlAttribute
        public Double fraction;
    }
}
