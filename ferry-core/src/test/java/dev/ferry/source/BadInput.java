package dev.ferry.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.ferry.FerryException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Runs a call that must fail with bad input and returns its one-line message for exact assertions. */
final class BadInput {

    private BadInput() {
    }

    static String messageOf(ThrowingCallable call) {
        FerryException e = catchThrowableOfType(FerryException.class, call);
        assertThat(e).as("a FerryException").isNotNull();
        assertThat(e.kind()).isEqualTo(FerryException.Kind.BAD_INPUT);
        assertThat(e.hint()).as("a fix for the user").isNotBlank();
        assertThat(e.getMessage()).doesNotContain("\n");
        return e.getMessage();
    }
}
