package dev.ferry.provider.aws.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.FerryException;
import java.io.UncheckedIOException;
import java.net.SocketException;
import java.nio.channels.ClosedByInterruptException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;

class WaitingTest {

    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
    }

    @Test
    void detached_withFix_namesWhatKeepsGoingKeepsTheFixAndRestoresTheInterrupt() {
        FerryException e = Waiting.detached("the stack operation", "watch it with ferry tail --provider aws");

        assertThat(e.getMessage()).isEqualTo("interrupted: ferry stopped watching; the stack operation keeps going in AWS");
        assertThat(e.hint()).isEqualTo("watch it with ferry tail --provider aws");
        assertThat(e.kind()).isEqualTo(FerryException.Kind.FAILED);
        assertThat(Thread.currentThread().isInterrupted()).isTrue();
    }

    @Test
    void detached_duringADeploy_pointsToTailPsAndUpAgain() {
        FerryException e = Waiting.detached("the stack ferry-shop-beta");

        assertThat(e.hint()).contains("ferry tail --provider aws").contains("ferry compose up --provider aws");
    }

    @Test
    void isInterrupt_sdkFailureCausedByAnInterruptedChannel_true() {
        Throwable cut = SdkClientException.create("read failed",
                new UncheckedIOException(new ClosedByInterruptException()));

        assertThat(Waiting.isInterrupt(cut)).isTrue();
    }

    @Test
    void isInterrupt_plainNetworkFailure_false() {
        assertThat(Waiting.isInterrupt(SdkClientException.create("reset", new SocketException("reset")))).isFalse();
    }
}
