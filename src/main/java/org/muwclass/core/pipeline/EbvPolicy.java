package org.muwclass.core.pipeline;

/** Where a source's E(B-V), used to redden the training AGNs for it, comes from. */
public enum EbvPolicy {
    /** The table's ebv column; a source without a value is an error. */
    TABLE,
    /** 0.86 x SFD, low-resolution HEALPix map, bilinear at the source position (the paper's code path). */
    DUST_MAP,
    /** The table's value where given, else the dust map. */
    TABLE_ELSE_DUST_MAP,
    /** No reddening: E(B-V) = 0 for every source. */
    NONE
}
