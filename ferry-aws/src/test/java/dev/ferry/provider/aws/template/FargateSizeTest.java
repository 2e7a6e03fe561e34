package dev.ferry.provider.aws.template;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FargateSizeTest {

    @Test
    void roundUp_exactPair_kept() {
        assertThat(FargateSize.roundUp(1024, 2048)).contains(new FargateSize(1024, 2048));
    }

    @Test
    void roundUp_oneCpu512Memory_memoryRaisedToTheCpusMinimum() {
        assertThat(FargateSize.roundUp(1024, 512)).contains(new FargateSize(1024, 2048));
    }

    @Test
    void roundUp_memoryBeyondTheCpusMaximum_nextCpu() {
        assertThat(FargateSize.roundUp(256, 3000)).contains(new FargateSize(512, 3072));
    }

    @Test
    void roundUp_twoCpus2560_rounds() {
        assertThat(FargateSize.roundUp(2048, 2560)).contains(new FargateSize(2048, 4096));
    }

    @Test
    void roundUp_nothing_smallest() {
        assertThat(FargateSize.roundUp(0, 0)).contains(new FargateSize(256, 512));
    }

    @Test
    void roundUp_tooLarge_empty() {
        assertThat(FargateSize.roundUp(32768, 512)).isEmpty();
        assertThat(FargateSize.roundUp(1024, 200_000)).isEmpty();
    }

    @Test
    void roundUp_everyResult_isValid() {
        for (int cpu = 0; cpu <= 16384; cpu += 128) {
            for (int memory = 0; memory <= 122880; memory += 1000) {
                FargateSize.roundUp(cpu, memory).ifPresent(s -> {
                    assertThat(FargateSize.isValid(s.cpu(), s.memory())).isTrue();
                });
            }
        }
    }

    @Test
    void cpuUnits_composeText_roundedUp() {
        assertThat(FargateSize.cpuUnits("1")).isEqualTo(1024);
        assertThat(FargateSize.cpuUnits("0.5")).isEqualTo(512);
        assertThat(FargateSize.cpuUnits("0.3")).isEqualTo(308);
        assertThat(FargateSize.cpuUnits(null)).isZero();
    }

    @Test
    void memoryMiB_units_parsed() {
        assertThat(FargateSize.memoryMiB("512M")).isEqualTo(512);
        assertThat(FargateSize.memoryMiB("1g")).isEqualTo(1024);
        assertThat(FargateSize.memoryMiB("1.5GB")).isEqualTo(1536);
        assertThat(FargateSize.memoryMiB("268435456")).isEqualTo(256);
        assertThat(FargateSize.memoryMiB("300k")).isEqualTo(1);
    }
}
