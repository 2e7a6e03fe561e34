package dev.ferry.cli;

/** The process entry point: run the CLI on the real streams and exit with its code. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(FerryCli.run(System.out, System.err, args));
    }
}
