package org.muwclass.service.vosi;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.ArrayList;
import java.util.List;

/** VOSI 1.1 availability document (namespace VOSIAvailability/v1.0). */
@XmlRootElement(name = "availability", namespace = Availability.NS)
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "Availability", namespace = Availability.NS, propOrder = {"available", "upSince", "note"})
public class Availability {

    public static final String NS = "http://www.ivoa.net/xml/VOSIAvailability/v1.0";

    @XmlElement(namespace = NS, required = true)
    private boolean available;

    /** ISO-8601 UTC time the service came up. */
    @XmlElement(namespace = NS)
    private String upSince;

    @XmlElement(namespace = NS)
    private List<String> note = new ArrayList<>();

    public Availability() {
    }

    public Availability(boolean available, String upSince, List<String> notes) {
        this.available = available;
        this.upSince = upSince;
        this.note = new ArrayList<>(notes);
    }

    public boolean isAvailable() {
        return available;
    }

    public String getUpSince() {
        return upSince;
    }

    public List<String> getNotes() {
        return note;
    }
}
