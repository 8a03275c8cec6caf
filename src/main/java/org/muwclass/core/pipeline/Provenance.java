package org.muwclass.core.pipeline;

/**
 * What a result was made from, enough to reproduce it.
 *
 * @param masterSeed      root seed of every random stream
 * @param draws           Monte-Carlo draws
 * @param drawsPerUnit    draws per work unit (part of the exact floating-point merge order)
 * @param algorithm       learner name
 * @param trainingSha256  checksum of the training set content
 * @param trainingOrigin  where the training set came from
 * @param trainingSize    number of training sources
 * @param featureSchemaId feature definition
 * @param ebvPolicy       E(B-V) policy (or the cross-validation reddening mode)
 * @param version         software version
 * @param xrayNoise       X-ray noise model of the Monte-Carlo draws ("shared" or "independent")
 */
public record Provenance(long masterSeed, int draws, int drawsPerUnit, String algorithm, String trainingSha256,
                         String trainingOrigin, int trainingSize, String featureSchemaId, String ebvPolicy,
                         String version, String xrayNoise) {

    /** As the canonical constructor with the paper's (shared) X-ray noise. */
    public Provenance(long masterSeed, int draws, int drawsPerUnit, String algorithm, String trainingSha256,
                      String trainingOrigin, int trainingSize, String featureSchemaId, String ebvPolicy,
                      String version) {
        this(masterSeed, draws, drawsPerUnit, algorithm, trainingSha256, trainingOrigin, trainingSize,
                featureSchemaId, ebvPolicy, version, org.muwclass.core.sampling.XrayNoiseModel.DEFAULT.value());
    }

    /** This software's version (from the jar manifest, "dev" when run from classes). */
    public static String softwareVersion() {
        String v = Provenance.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
