package org.muwclass.service.uws.xml;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.ArrayList;
import java.util.List;

/** The uws:results document (also embedded in uws:job). */
@XmlRootElement(name = "results")
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "")
public class ResultsElement {

    @XmlElement(name = "result")
    public List<ResultElement> result = new ArrayList<>();
}
