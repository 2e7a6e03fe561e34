package dev.ferry.build;

/** Whether the engine may pull base images while building. */
public enum PullPolicy {
    /** Pull a base image only when it is not present locally (the engines' usual default). */
    MISSING,
    /** Never pull; every base image must already be present (offline machines, CI with stand-in images). */
    NEVER,
    /** Always look for a newer base image. */
    ALWAYS
}
