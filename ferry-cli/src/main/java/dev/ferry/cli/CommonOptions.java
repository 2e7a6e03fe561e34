package dev.ferry.cli;

import picocli.CommandLine.Option;

/** Options every command takes. */
public final class CommonOptions {

    @Option(names = "--debug", description = "Show stack traces and request details when something fails.")
    boolean debug;

    @Option(names = "--non-interactive",
            description = "Never prompt; fail instead when something is missing. Implied when stdin is not a "
                    + "terminal or CI=true.")
    boolean nonInteractive;

    @Option(names = "--no-color", description = "Plain output without colours (also: NO_COLOR=1).")
    boolean noColor;
}
