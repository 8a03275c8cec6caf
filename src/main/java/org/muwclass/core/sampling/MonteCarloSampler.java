package org.muwclass.core.sampling;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.muwclass.core.features.Photometry;
import org.muwclass.core.model.SourceMeasurements;

/**
 * Draws one realisation of a source's measurements from its errors (docs/algorithm.md §5, Yang et al. 2022 §3.4):
 * <ul>
 *   <li>X-ray fluxes s, m, h: mean + sqrt(2)·sigma·z, z ~ N(0,1), redrawn while the value is &lt;= 0 (a normal
 *       truncated at 0 by rejection). The broad band is not sampled; features sum the three bands.</li>
 *   <li>Magnitudes (all nine, W3 included): mag + sqrt(2)·err·z, not truncated; a missing error (upper limits)
 *       makes the sampled magnitude missing.</li>
 *   <li>P_inter and P_intra are copied, never sampled.</li>
 * </ul>
 * <p><b>X-ray noise model</b> ({@link XrayNoiseModel}). Upstream reseeds numpy's global generator before each X-ray
 * band, so with an integer seed s, m and h reuse the same z (fully correlated noise, docs/algorithm.md §12 gotcha 7).
 * That is an artefact of the seeding rather than a model of correlated errors (the band fluxes come from disjoint
 * photons), but it is what produced the paper's confidence scale, so {@link XrayNoiseModel#SHARED} reproduces it and is
 * the default: one seed is taken from the source's generator per realisation and each band replays a fresh generator
 * from that seed (the same z, and the same redraws while a value is &lt;= 0). {@link XrayNoiseModel#INDEPENDENT} gives
 * every band its own z from the source's generator; hardness ratios then scatter more than upstream's.
 *
 * <p>Every value consumes draws from the source's own generator in a fixed order (the shared X-ray seed, or s, m, h;
 * then G...W3), so a source's realisation depends only on its seed and the noise model.
 */
public final class MonteCarloSampler {

    /** Error inflation factor of the paper's code (Uncer_flag = True). */
    public static final double ERROR_FACTOR = Math.sqrt(2.0);

    private MonteCarloSampler() {
    }

    /** One realisation of {@code s} using {@code rng}, with the paper's (shared) X-ray noise. */
    public static Photometry sample(SourceMeasurements s, SplittableRandom rng) {
        return sample(s, rng, XrayNoiseModel.DEFAULT);
    }

    /** One realisation of {@code s} using {@code rng} and X-ray noise model {@code noise}. */
    public static Photometry sample(SourceMeasurements s, SplittableRandom rng, XrayNoiseModel noise) {
        double[] flux = new double[3];
        if (noise == XrayNoiseModel.SHARED) {
            long shared = rng.nextLong();
            for (int b = 0; b < 3; b++) {
                flux[b] = positiveNormal(s.flux()[b], ERROR_FACTOR * s.fluxErr()[b], new SplittableRandom(shared));
            }
        } else {
            for (int b = 0; b < 3; b++) {
                flux[b] = positiveNormal(s.flux()[b], ERROR_FACTOR * s.fluxErr()[b], rng);
            }
        }
        double[] mag = new double[s.mag().length];
        for (int b = 0; b < mag.length; b++) {
            double z = rng.nextGaussian();
            // NaN error (or NaN magnitude) propagates: the band is missing in this realisation
            mag[b] = s.mag()[b] + ERROR_FACTOR * s.magErr()[b] * z;
        }
        return new Photometry(flux, mag, s.pInter(), s.pIntra());
    }

    /**
     * Realisations of a list of sources; source {@code i} uses the stream {@code Seeds.derive(streamSeed, ids[i])},
     * so each source's draw is the same whatever list it is part of (e.g. in every cross-validation fold).
     *
     * @param ids stable identifiers of the sources (e.g. their row in the full table), same length as sources
     * @param noise X-ray noise model
     */
    public static List<Photometry> sample(List<SourceMeasurements> sources, int[] ids, long streamSeed,
                                          XrayNoiseModel noise) {
        if (ids.length != sources.size()) {
            throw new IllegalArgumentException("ids has " + ids.length + " entries for " + sources.size() + " sources");
        }
        List<Photometry> out = new ArrayList<>(sources.size());
        for (int i = 0; i < ids.length; i++) {
            out.add(sample(sources.get(i), Seeds.random(streamSeed, ids[i]), noise));
        }
        return out;
    }

    /** As {@link #sample(List, int[], long, XrayNoiseModel)} with the paper's (shared) X-ray noise. */
    public static List<Photometry> sample(List<SourceMeasurements> sources, int[] ids, long streamSeed) {
        return sample(sources, ids, streamSeed, XrayNoiseModel.DEFAULT);
    }

    /** As {@link #sample(List, int[], long, XrayNoiseModel)} with ids 0..n-1. */
    public static List<Photometry> sample(List<SourceMeasurements> sources, long streamSeed, XrayNoiseModel noise) {
        int[] ids = new int[sources.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = i;
        }
        return sample(sources, ids, streamSeed, noise);
    }

    /** As {@link #sample(List, long, XrayNoiseModel)} with the paper's (shared) X-ray noise. */
    public static List<Photometry> sample(List<SourceMeasurements> sources, long streamSeed) {
        return sample(sources, streamSeed, XrayNoiseModel.DEFAULT);
    }

    /**
     * mean + sd·z redrawn until positive. Terminates for mean &gt; 0 (acceptance &gt;= 1/2), which the table reader
     * guarantees; a zero sd returns the mean.
     */
    static double positiveNormal(double mean, double sd, SplittableRandom rng) {
        if (!(mean > 0) || !(sd >= 0)) {
            throw new IllegalArgumentException("Flux sampling needs mean > 0 and sd >= 0, got " + mean + ", " + sd);
        }
        double v;
        do {
            v = mean + sd * rng.nextGaussian();
        } while (v <= 0);
        return v;
    }
}
