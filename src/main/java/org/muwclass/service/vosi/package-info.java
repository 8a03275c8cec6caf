@XmlSchema(namespace = "http://www.ivoa.net/xml/VOSIAvailability/v1.0", elementFormDefault = XmlNsForm.QUALIFIED,
        xmlns = @XmlNs(prefix = "vosi", namespaceURI = "http://www.ivoa.net/xml/VOSIAvailability/v1.0"))
package org.muwclass.service.vosi;

import jakarta.xml.bind.annotation.XmlNs;
import jakarta.xml.bind.annotation.XmlNsForm;
import jakarta.xml.bind.annotation.XmlSchema;
