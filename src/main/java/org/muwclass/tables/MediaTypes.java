package org.muwclass.tables;

/** The media (MIME) types of the documents this project writes, each spelled once. */
public final class MediaTypes {

    /** VOTable, any serialization (DALI §5.1). */
    public static final String VOTABLE = "application/x-votable+xml";
    /** VOTable whose data are TABLEDATA. */
    public static final String VOTABLE_TABLEDATA = VOTABLE + ";serialization=TABLEDATA";
    /** A DataLink 1.1 links response. */
    public static final String DATALINK = VOTABLE + ";content=datalink";
    /** Comma-separated values with a header line (RFC 4180). */
    public static final String CSV = "text/csv;header=present";
    public static final String TSV = "text/tab-separated-values";
    public static final String FITS = "application/fits";
    /** Astropy's Enhanced CSV. */
    public static final String ECSV = "text/x-ecsv";
    public static final String PNG = "image/png";

    private MediaTypes() {
    }
}
