package org.muwclass.service.uws.xml;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.ArrayList;
import java.util.List;

/** The uws:parameters document (also embedded in uws:job). */
@XmlRootElement(name = "parameters")
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "")
public class ParametersElement {

    @XmlElement(name = "parameter")
    public List<ParameterElement> parameter = new ArrayList<>();
}
