package dev.ferry.provider.aws.deploy;

import java.util.List;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;

/** The last lines of one CloudWatch log stream, for the message of a failed build or release. */
final class LogTail {

    static final int LINES = 30;

    private LogTail() {
    }

    /** The stream's last {@link #LINES} lines, oldest first; empty when the stream was never written. */
    static List<String> last(CloudWatchLogsClient logs, String group, String stream) {
        try {
            return logs.getLogEvents(b -> b.logGroupName(group).logStreamName(stream).startFromHead(false)
                    .limit(LINES)).events().stream().map(OutputLogEvent::message).map(String::stripTrailing).toList();
        } catch (ResourceNotFoundException e) {
            return List.of();
        }
    }

    /** The lines indented under a message, or a note that there were none. */
    static String indented(List<String> lines, String where) {
        if (lines.isEmpty()) {
            return "\n    (no log lines in " + where + ")";
        }
        StringBuilder text = new StringBuilder("\n    last lines of " + where + ":");
        lines.forEach(l -> text.append("\n    ").append(l));
        return text.toString();
    }
}
