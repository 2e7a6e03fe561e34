package dev.ferry.provider.aws.deploy;

import java.util.Map;

/**
 * A stack as DescribeStacks shows it.
 *
 * @param name the stack's name
 * @param status e.g. CREATE_COMPLETE, UPDATE_ROLLBACK_FAILED
 * @param parameters the current parameter values (NoEcho ones come back masked)
 * @param outputs the outputs by key
 * @param tags the stack's tags
 */
public record StackState(String name, String status, Map<String, String> parameters, Map<String, String> outputs,
                         Map<String, String> tags) {

    public StackState {
        parameters = Map.copyOf(parameters);
        outputs = Map.copyOf(outputs);
        tags = Map.copyOf(tags);
    }

    /** Whether the last operation succeeded and the stack can be updated. */
    public boolean isComplete() {
        return status.equals("CREATE_COMPLETE") || status.equals("UPDATE_COMPLETE")
                || status.equals("IMPORT_COMPLETE");
    }

    /** Whether an operation is running (from another ferry, a person, or a rollback). */
    public boolean isBusy() {
        return status.endsWith("_IN_PROGRESS") && !status.equals("REVIEW_IN_PROGRESS");
    }
}
