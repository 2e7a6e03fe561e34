package dev.ferry.build.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BuildOutputTest {

    @Test
    void accept_podmanMultiStageLine_step() {
        assertThat(new BuildOutput().accept("[1/2] STEP 3/7: RUN npm ci"))
                .contains(new BuildOutput.Step(3, 7, "RUN npm ci"));
    }

    @Test
    void accept_podmanSingleStageLine_step() {
        assertThat(new BuildOutput().accept("STEP 1/4: FROM node:20-slim"))
                .contains(new BuildOutput.Step(1, 4, "FROM node:20-slim"));
    }

    @Test
    void accept_dockerLegacyLine_step() {
        assertThat(new BuildOutput().accept("Step 2/9 : WORKDIR /app"))
                .contains(new BuildOutput.Step(2, 9, "WORKDIR /app"));
    }

    @Test
    void accept_buildKitLine_step() {
        assertThat(new BuildOutput().accept("#8 [build 4/6] RUN mvn -B -ntp dependency:go-offline"))
                .contains(new BuildOutput.Step(4, 6, "RUN mvn -B -ntp dependency:go-offline"));
    }

    @Test
    void accept_otherLines_noStepButKeptInTail() {
        BuildOutput output = new BuildOutput();
        for (int i = 0; i < 20; i++) {
            assertThat(output.accept("line " + i)).isEmpty();
        }
        assertThat(output.tail()).startsWith("line 5\n").endsWith("line 19");
        assertThat(output.current()).isEmpty();
    }
}
