package dev.ferry.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.data.MovePlan;
import dev.ferry.data.MoveResult;
import dev.ferry.data.Sizes;
import dev.ferry.data.Verification;
import dev.ferry.event.EventSink;
import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * Shows a data move: the plan (and what --force drops) before the question, a line per table while copying (a
 * progress bar on a terminal), then the verification — or the whole result as JSON with --json. URLs are shown
 * redacted; nothing here sees a password.
 */
final class DataOutput {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final CliContext context;
    private final ConsoleEvents console;
    private final EventSink events;
    private final boolean json;
    private String sourceLabel;
    private String backupChecked;

    DataOutput(CliContext context, CommonOptions common, boolean json) {
        this.context = context;
        this.console = new ConsoleEvents(context, common.debug);
        this.events = context.terminalAttached() ? new ProgressBar(context.err(), console) : console;
        this.json = json;
    }

    EventSink events() {
        return events;
    }

    /** Names the source in words when it is not a database URL (a Heroku backup). */
    void describeSource(String label) {
        this.sourceLabel = label;
    }

    /**
     * The target was checked against a backup's table list only (no live source to compare with): the closing
     * line must not claim that source and target are equal.
     */
    void verifiedAgainstBackup(String backupName) {
        this.backupChecked = backupName;
    }

    /** The plan of a backup restore: what it restores, and what the target holds that --force drops. */
    void backupPlan(MovePlan plan, String source, String how) {
        console.step("Plan: restore " + source + " into " + plan.request().target().url().redacted());
        console.step(how);
        dropList(plan);
    }

    /** The maintenance window's line of the plan. */
    void windowPlan(String line) {
        console.step(line);
    }

    private void dropList(MovePlan plan) {
        if (!plan.toDrop().isEmpty()) {
            console.step("These will be dropped from the target first:");
            plan.toDrop().forEach(item -> context.err().println("     - " + item));
        }
    }

    void plan(MovePlan plan) {
        console.step("Plan: copy " + plan.request().source().url().redacted() + " to "
                + plan.request().target().url().redacted());
        console.step(plan.summary() + (plan.resumePhase() != null ? " (resuming a run that reached "
                + plan.resumePhase().toLowerCase(Locale.ROOT) + ")" : ""));
        plan.notes().forEach(note -> console.step(note));
        dropList(plan);
    }

    /** Renders the result; returns whether the copy verified. */
    boolean result(MovePlan plan, MoveResult result) {
        Verification verification = result.verification();
        if (json) {
            context.out().println(toJson(plan, result));
        }
        String speed = result.bytes() > 0 ? String.format(Locale.ROOT, ", %s/s", Sizes.human((long) result.throughput()))
                : "";
        if (result.copied() == 0 && plan.resumePhase() != null) {
            console.step(String.format(Locale.ROOT, "nothing to copy (the recorded run had copied); verified in %.1f s",
                    result.verifyTime().toMillis() / 1000.0));
        } else {
            console.step(String.format(Locale.ROOT, "copied %d %s (%s) in %.1f s%s; verified in %.1f s",
                    result.copied(), (plan.kind().equals("redis") ? "key" : "table") + (result.copied() == 1 ? "" : "s"),
                    Sizes.human(result.bytes()),
                    result.copyTime().toMillis() / 1000.0, speed, result.verifyTime().toMillis() / 1000.0));
        }
        result.warnings().stream().filter(w -> !plan.notes().contains(w))
                .forEach(w -> console.step("warning: " + w));
        if (verification.passed()) {
            int checks = verification.checks().size();
            String count = checks + " check" + (checks == 1 ? "" : "s");
            console.step(backupChecked != null
                    ? "Verified: " + count + ", every table of backup " + backupChecked + " is in the target (not"
                            + " compared with the live database)."
                    : "Verified: " + count + ", source and target are equal.");
            return true;
        }
        context.err().println("ferry: verification failed: " + verification.differences().size() + " difference"
                + (verification.differences().size() == 1 ? "" : "s"));
        for (Verification.Check check : verification.differences()) {
            context.err().println("  " + check.subject() + ": source " + check.source() + ", target " + check.target());
        }
        context.err().println("  the target is not a faithful copy; "
                + (plan.kind().equals("postgres") ? "run again with --resume to copy again" : "run again with --force"));
        return false;
    }

    private String toJson(MovePlan plan, MoveResult result) {
        ObjectNode root = JSON.createObjectNode();
        root.put("kind", plan.kind());
        root.put("source", sourceLabel != null ? sourceLabel : plan.request().source().url().redacted());
        root.put("target", plan.request().target().url().redacted());
        ObjectNode planNode = root.putObject("plan");
        planNode.put("items", plan.items()).put("bytes", plan.bytes()).put("estimateSeconds", plan.estimate().toSeconds());
        planNode.put("resumePhase", plan.resumePhase());
        plan.toDrop().forEach(planNode.putArray("dropped")::add);
        plan.notes().forEach(planNode.putArray("notes")::add);
        root.put("copied", result.copied());
        root.put("bytes", result.bytes());
        root.put("copySeconds", result.copyTime().toMillis() / 1000.0);
        root.put("verifySeconds", result.verifyTime().toMillis() / 1000.0);
        root.put("bytesPerSecond", Math.round(result.throughput()));
        root.put("verified", result.verification().passed());
        root.put("checks", result.verification().checks().size());
        ArrayNode differences = root.putArray("differences");
        result.verification().differences().forEach(d -> differences.addObject().put("subject", d.subject())
                .put("source", d.source()).put("target", d.target()));
        result.warnings().forEach(root.putArray("warnings")::add);
        root.put("stateFile", result.stateFile() == null ? null : result.stateFile().toString());
        try {
            return JSON.writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
