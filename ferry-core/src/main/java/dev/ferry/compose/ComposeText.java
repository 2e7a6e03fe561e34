package dev.ferry.compose;

/**
 * Turns literal text into Compose text. Compose interpolates {@code $NAME} and {@code ${NAME}} in every value when
 * it reads the file, from the shell or .env of whoever runs it; a value copied from Heroku (a config var, a
 * Procfile command) must reach the container unchanged, so each of its {@code $} is written {@code $$}. Values
 * ferry builds on purpose with {@code ${POSTGRES_PASSWORD}} are not passed through here.
 */
public final class ComposeText {

    private ComposeText() {
    }

    public static String literal(String text) {
        return text == null ? null : text.replace("$", "$$");
    }

    /** The literal text a Compose value stands for, once Compose has read it (inverse of {@link #literal}). */
    public static String unescape(String composeText) {
        return composeText == null ? null : composeText.replace("$$", "$");
    }
}
