package dev.ferry.data.deployed;

/** The two kinds of database ferry moves; {@link #label} is MovePlan's kind. */
public enum DataKind {
    POSTGRES("postgres", 5432),
    REDIS("redis", 6379);

    private final String label;
    private final int defaultPort;

    DataKind(String label, int defaultPort) {
        this.label = label;
        this.defaultPort = defaultPort;
    }

    public String label() {
        return label;
    }

    /** The port the official image listens on inside its container. */
    public int defaultPort() {
        return defaultPort;
    }
}
