package dev.ferry.compose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.snapshot.HerokuFacts.DynoSize;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DynoSizeTableTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "Eco, 512, 1", "Basic, 512, 1", "Standard-1X, 512, 1", "Standard-2X, 1024, 2",
            "Performance-M, 2560, 2", "Performance-L, 14336, 8", "Performance-L-RAM, 30720, 4",
            "Performance-XL, 63488, 8", "Performance-2XL, 129024, 16", "Private-S, 1024, 2",
            "Private-L, 14336, 8", "Shield-M, 2560, 2", "Shield-2XL, 129024, 16", "M-Classic, 2560, 2",
            "dyno-2c-4gb, 4096, 2", "dyno-1c-0.5gb, 512, 1", "standard-2x, 1024, 2", "1X, 512, 1", "PX, 6144, 8"})
    void published_herokuSize_memoryAndCpus(String name, int memoryMb, String cpus) {
        assertThat(DynoSizeTable.published(name)).contains(new DynoSizeTable.Size(memoryMb, cpus));
    }

    @Test
    void published_unknownSize_empty() {
        assertThat(DynoSizeTable.published("Mystery-9X")).isEmpty();
        assertThat(DynoSizeTable.published(null)).isEmpty();
    }

    @Test
    void resolve_factsForKnownSize_memoryFromFactsCpusFromTable() {
        var size = DynoSizeTable.resolve("Standard-2X", List.of(new DynoSize("Standard-2X", 1.5, 2, 2.0)));
        assertThat(size).contains(new DynoSizeTable.Size(1536, "2"));
    }

    @Test
    void resolve_factsForUnknownSize_cpusFromCompute() {
        var size = DynoSizeTable.resolve("Giant-X", List.of(new DynoSize("Giant-X", 64.0, 50, 16.0)));
        assertThat(size).contains(new DynoSizeTable.Size(65536, "8"));
    }

    @Test
    void resolve_noFacts_table() {
        assertThat(DynoSizeTable.resolve("Eco", List.of())).contains(new DynoSizeTable.Size(512, "1"));
    }

    @Test
    void cpusFromCompute_sharedAndDedicated_vcpus() {
        assertThat(DynoSizeTable.cpusFromCompute(null)).isEqualTo("1");
        assertThat(DynoSizeTable.cpusFromCompute(2)).isEqualTo("2");
        assertThat(DynoSizeTable.cpusFromCompute(12)).isEqualTo("2");
        assertThat(DynoSizeTable.cpusFromCompute(100)).isEqualTo("16");
    }

    @Test
    void resources_size_composeStrings() {
        assertThat(new DynoSizeTable.Size(2560, "2").resources())
                .isEqualTo(new ComposeService.Resources("2", "2560M"));
    }
}
