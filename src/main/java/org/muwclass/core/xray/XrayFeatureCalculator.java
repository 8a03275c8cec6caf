package org.muwclass.core.xray;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.muwclass.core.io.CsvTable;
import org.muwclass.core.model.XrayBand;

/**
 * Turns per-observation CSC detections into one {@link XraySourceFeatures} per source (docs/algorithm.md §2, the
 * upstream {@code cal_ave}): filter detections, average each band by inverse variance, fill unmeasured bands,
 * and compute the inter- and intra-observation variability.
 */
public final class XrayFeatureCalculator {

    private static final Logger LOG = Logger.getLogger(XrayFeatureCalculator.class.getName());

    private XrayFeatureCalculator() {
    }

    /** Reads and averages a {@code *_per.csv} table. */
    public static List<XraySourceFeatures> fromPerObservation(CsvTable perObservation) {
        return compute(PerObservationReader.read(perObservation));
    }

    /**
     * Averages detections grouped by usrid. Sources are returned in order of their first kept detection; a source
     * without any kept detection is left out.
     */
    public static List<XraySourceFeatures> compute(List<Detection> detections) {
        int[] codes = DetectionFilter.codes(detections);
        Map<Integer, List<Detection>> bySource = new LinkedHashMap<>();
        for (int i = 0; i < codes.length; i++) {
            if (codes[i] == 0) {
                Detection d = detections.get(i);
                bySource.computeIfAbsent(d.master().usrid(), k -> new ArrayList<>()).add(d);
            }
        }
        List<XraySourceFeatures> out = new ArrayList<>(bySource.size());
        for (List<Detection> kept : bySource.values()) {
            out.add(average(kept));
        }
        LOG.fine(() -> detections.size() + " detections -> " + out.size() + " sources");
        return out;
    }

    private static XraySourceFeatures average(List<Detection> kept) {
        MasterSource m = kept.get(0).master();
        double[] flux = new double[3];
        double[] err = new double[3];
        int fluxFlag = 0;
        for (XrayBand b : XrayBand.narrow()) {
            List<FechnerFlux> values = new ArrayList<>(kept.size());
            for (Detection d : kept) {
                values.add(d.band(b));
            }
            FechnerFlux mean = FechnerFlux.inverseVarianceMean(values);
            if (!mean.isPresent()) {
                mean = FechnerFlux.fill();
                fluxFlag += 1 << b.ordinal();
            }
            flux[b.ordinal()] = mean.mean();
            err[b.ordinal()] = mean.sigma();
        }

        double sigMaxAll = Double.NaN;
        List<Detection> withB = new ArrayList<>();
        List<FechnerFlux> broad = new ArrayList<>();
        for (Detection d : kept) {
            sigMaxAll = nanMax(sigMaxAll, d.fluxSignificanceB());
            FechnerFlux b = d.broad();
            if (b.isPresent()) {
                withB.add(d);
                broad.add(b);
            }
        }
        int n = withB.size();
        double pIntra = Double.NaN;
        double sigMax = Double.NaN;
        for (Detection d : withB) {
            pIntra = nanMax(pIntra, d.kuiperProbB());
            sigMax = nanMax(sigMax, d.fluxSignificanceB());
        }
        double chi2 = Double.NaN;
        double pInter = Double.NaN;
        if (n >= 2) {
            double bBar = FechnerFlux.inverseVarianceMean(broad).mean();
            chi2 = 0;
            for (FechnerFlux b : broad) {
                double z = (b.mean() - bBar) / b.sigma();
                chi2 += z * z;
            }
            pInter = roundHalfEven(ChiSquare.cdf(chi2, n - 1), 3);
        }

        int removeCode = 0;
        if (m.satSrcFlag() || m.streakSrcFlag()) {
            removeCode += XraySourceFeatures.REMOVE_MASTER_FLAG;
        }
        if (fluxFlag == 7) {
            removeCode += XraySourceFeatures.REMOVE_NO_FLUX;
        }
        return new XraySourceFeatures(m, kept.size(), flux, err, fluxFlag, n - 1, chi2, pInter, pIntra, sigMax,
                sigMaxAll, removeCode, cscFlags(m));
    }

    static String cscFlags(MasterSource m) {
        List<String> f = new ArrayList<>(3);
        if (m.extentFlag()) {
            f.add("extent");
        }
        if (m.confFlag()) {
            f.add("conf");
        }
        if (m.pileupFlag()) {
            f.add("pileup");
        }
        return String.join("|", f);
    }

    /** Max ignoring NaN (numpy nanmax); NaN when both are NaN. */
    private static double nanMax(double acc, double v) {
        if (Double.isNaN(v)) {
            return acc;
        }
        return Double.isNaN(acc) || v > acc ? v : acc;
    }

    /** numpy/pandas round: scale, round half to even, unscale. */
    static double roundHalfEven(double x, int decimals) {
        if (!Double.isFinite(x)) {
            return x;
        }
        double scale = Math.pow(10, decimals);
        return Math.rint(x * scale) / scale;
    }
}
