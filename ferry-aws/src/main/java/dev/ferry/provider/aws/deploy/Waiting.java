package dev.ferry.provider.aws.deploy;

import dev.ferry.FerryException;
import java.io.InterruptedIOException;
import java.nio.channels.ClosedByInterruptException;
import java.time.Duration;
import software.amazon.awssdk.core.exception.AbortedException;

/**
 * How ferry waits on AWS: a pause between polls, and the one rule for an interrupt (Ctrl-C) while waiting. Work
 * started in AWS keeps going there; ferry stops watching and says where to look. The interrupt flag is restored so
 * that the caller still sees it.
 *
 * @param interval the pause between two polls (tests use a few milliseconds)
 */
public record Waiting(Duration interval) {

    public static Waiting standard() {
        return new Waiting(Duration.ofSeconds(5));
    }

    /**
     * Sleeps one interval.
     *
     * @param what what keeps running in AWS, e.g. "the stack ferry-shop-beta", for the message
     */
    public void pause(String what) {
        if (Thread.currentThread().isInterrupted()) {
            throw detached(what);
        }
        try {
            Thread.sleep(interval.toMillis());
        } catch (InterruptedException e) {
            throw detached(what);
        }
    }

    /** The clean message for an interrupt during a deploy: nothing is undone, the rest is visible with tail and ps. */
    public static FerryException detached(String what) {
        return detached(what, "`ferry tail --provider aws` and `ferry compose ps --provider aws` show the rest;"
                + " run `ferry compose up --provider aws` again to finish the deploy");
    }

    /**
     * The same for any other operation left running in AWS (down, a config change).
     *
     * @param fix how to follow or finish it
     */
    public static FerryException detached(String what, String fix) {
        Thread.currentThread().interrupt();
        return FerryException.failed("interrupted: ferry stopped watching; " + what + " keeps going in AWS", fix, null);
    }

    /** Whether {@code e} is how the SDK or the JDK reports an interrupt during a call. */
    public static boolean isInterrupt(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof AbortedException || t instanceof InterruptedException
                    || t instanceof ClosedByInterruptException || t instanceof InterruptedIOException) {
                return true;
            }
        }
        return false;
    }
}
