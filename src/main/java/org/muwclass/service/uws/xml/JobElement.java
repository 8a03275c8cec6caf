package org.muwclass.service.uws.xml;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

/** The uws:job document (schema type JobSummary). Date-times are ISO-8601 UTC strings. */
@XmlRootElement(name = "job")
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "JobSummary", propOrder = {"jobId", "runId", "ownerId", "phase", "quote", "creationTime",
        "startTime", "endTime", "executionDuration", "destruction", "parameters", "results", "errorSummary",
        "jobInfo"})
public class JobElement {

    @XmlAttribute
    public String version = UwsNamespaces.VERSION;
    @XmlElement(required = true)
    public String jobId;
    @XmlElement
    public String runId;
    @XmlElement(required = true, nillable = true)
    public String ownerId;
    @XmlElement(required = true)
    public String phase;
    @XmlElement(nillable = true)
    public String quote;
    @XmlElement
    public String creationTime;
    @XmlElement(required = true, nillable = true)
    public String startTime;
    @XmlElement(required = true, nillable = true)
    public String endTime;
    /** Seconds; 0 means unlimited. */
    @XmlElement(required = true)
    public int executionDuration;
    @XmlElement(required = true, nillable = true)
    public String destruction;
    @XmlElement
    public ParametersElement parameters;
    @XmlElement(required = true)
    public ResultsElement results = new ResultsElement();
    @XmlElement
    public ErrorSummaryElement errorSummary;
    @XmlElement
    public JobInfoElement jobInfo;
}
