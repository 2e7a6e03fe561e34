package dev.ferry.build;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VersionConstraintTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = ';', value = {
        "20.x; 20", "20; 20", "v20.11.1; 20", "^18.2.0; 18", "~16.4; 16", ">=18; 22", ">= 18 <21; 18",
        ">=18 <23; 22", "18 || 20; 18", "18 || 22; 22", "*; 22", "''; 22", "<20; 19", "22.x; 22"})
    void choose_nodeConstraint_majorVersion(String constraint, String expected) {
        assertThat(VersionConstraint.choose(constraint, "22", 1)).contains(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = ';', value = {
        "^8.1; 8.3", ">=7.4; 8.3", "~7.4.0; 7.4", "7.4.*; 7.4", "^8.4; 8.4", "^7.3 || ^8.0; 8.3", "8.2.*; 8.2"})
    void choose_phpConstraint_majorMinorVersion(String constraint, String expected) {
        assertThat(VersionConstraint.choose(constraint, "8.3", 2)).contains(expected);
    }

    @ParameterizedTest
    @CsvSource({"latest-lts-please", "banana"})
    void choose_unreadableConstraint_empty(String constraint) {
        assertThat(VersionConstraint.choose(constraint, "22", 1)).isEmpty();
    }
}
