package dev.ferry.provider.aws.template;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A valid Fargate task size: CPU units (1024 = 1 vCPU) and memory in MiB. The table of valid pairs lives here and
 * nowhere else; a request is rounded UP to the smallest pair that holds both the CPU and the memory asked for.
 *
 * @param cpu CPU units
 * @param memory memory in MiB
 */
public record FargateSize(int cpu, int memory) {

    /** The default when compose gives no limits: the smallest size. */
    public static final FargateSize DEFAULT = new FargateSize(256, 512);

    /** CPU units → the memory values Fargate accepts for them (Linux), smallest first. */
    private record Row(int cpu, int minMemory, int maxMemory, int step, List<Integer> extra) {
        List<Integer> memories() {
            List<Integer> values = new java.util.ArrayList<>(extra);
            for (int m = minMemory; m <= maxMemory; m += step) {
                values.add(m);
            }
            return values.stream().sorted().distinct().toList();
        }
    }

    private static final List<Row> TABLE = List.of(
            new Row(256, 512, 2048, 1024, List.of(512)),
            new Row(512, 1024, 4096, 1024, List.of()),
            new Row(1024, 2048, 8192, 1024, List.of()),
            new Row(2048, 4096, 16384, 1024, List.of()),
            new Row(4096, 8192, 30720, 1024, List.of()),
            new Row(8192, 16384, 61440, 4096, List.of()),
            new Row(16384, 32768, 122880, 8192, List.of()));

    /** Whether Fargate accepts this pair. */
    public static boolean isValid(int cpu, int memory) {
        return TABLE.stream().anyMatch(r -> r.cpu() == cpu && r.memories().contains(memory));
    }

    /** The largest size Fargate offers. */
    public static FargateSize largest() {
        Row last = TABLE.get(TABLE.size() - 1);
        return new FargateSize(last.cpu(), last.maxMemory());
    }

    /**
     * The smallest valid size holding {@code cpuUnits} and {@code memoryMiB}; empty when even the largest does not.
     */
    public static Optional<FargateSize> roundUp(int cpuUnits, int memoryMiB) {
        for (Row row : TABLE) {
            if (row.cpu() < cpuUnits) {
                continue;
            }
            for (int memory : row.memories()) {
                if (memory >= memoryMiB) {
                    return Optional.of(new FargateSize(row.cpu(), memory));
                }
            }
        }
        return Optional.empty();
    }

    /** Compose's cpus ("0.5", "2") as CPU units, rounded up; null → 0. */
    public static int cpuUnits(String cpus) {
        if (cpus == null || cpus.isBlank()) {
            return 0;
        }
        return new BigDecimal(cpus.strip()).multiply(BigDecimal.valueOf(1024)).setScale(0, RoundingMode.CEILING)
                .intValueExact();
    }

    /** Compose's memory ("512M", "1g", "1024m", "268435456", "1.5G") in MiB, rounded up; null → 0. */
    public static int memoryMiB(String memory) {
        if (memory == null || memory.isBlank()) {
            return 0;
        }
        String text = memory.strip().toLowerCase(Locale.ROOT).replaceAll("i?b$", "");
        long factor = 1;
        char unit = text.charAt(text.length() - 1);
        if (Character.isLetter(unit)) {
            factor = switch (unit) {
                case 'k' -> 1024L;
                case 'm' -> 1024L * 1024;
                case 'g' -> 1024L * 1024 * 1024;
                case 't' -> 1024L * 1024 * 1024 * 1024;
                default -> throw new IllegalArgumentException("unknown memory unit in " + memory);
            };
            text = text.substring(0, text.length() - 1);
        }
        BigDecimal bytes = new BigDecimal(text).multiply(BigDecimal.valueOf(factor));
        return bytes.divide(BigDecimal.valueOf(1024L * 1024), 0, RoundingMode.CEILING).intValueExact();
    }
}
