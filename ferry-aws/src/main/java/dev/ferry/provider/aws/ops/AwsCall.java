package dev.ferry.provider.aws.ops;

import dev.ferry.FerryException;
import java.util.Set;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The one place AWS SDK failures become {@link FerryException}s: one line naming the action and the fix. Throttling
 * is retried by the SDK's own retry policy before it reaches here. AWS's own message text is left out (a validation
 * message can echo a request field, and a parameter's value is a request field); only the error code is named.
 */
public final class AwsCall {

    private static final Set<String> EXPIRED = Set.of("ExpiredToken", "ExpiredTokenException", "RequestExpired",
            "TokenRefreshRequired");
    private static final Set<String> DENIED = Set.of("AccessDenied", "AccessDeniedException", "UnauthorizedOperation",
            "AuthorizationError", "UnauthorizedException");
    private static final Set<String> BAD_KEYS = Set.of("InvalidClientTokenId", "UnrecognizedClientException",
            "SignatureDoesNotMatch", "InvalidSignatureException", "IncompleteSignature");
    private static final Set<String> THROTTLED = Set.of("Throttling", "ThrottlingException", "ThrottledException",
            "TooManyRequestsException", "RequestLimitExceeded", "ProvisionedThroughputExceededException");

    private AwsCall() {
    }

    /**
     * Runs one SDK call.
     *
     * @param action the IAM action it needs, e.g. "ssm:PutParameter" (named in the message when AWS refuses it)
     */
    public static <T> T run(String action, Supplier<T> call) {
        try {
            return call.get();
        } catch (SdkException e) {
            throw map(action, e);
        }
    }

    /** Runs one SDK call that returns nothing. */
    public static void run(String action, Runnable call) {
        try {
            call.run();
        } catch (SdkException e) {
            throw map(action, e);
        }
    }

    /** The FerryException for a failed call of {@code action}. */
    public static FerryException map(String action, SdkException e) {
        if (e instanceof AwsServiceException service) {
            String code = service.awsErrorDetails() == null ? "" : service.awsErrorDetails().errorCode();
            if (EXPIRED.contains(code)) {
                return FerryException.environment("the AWS session has expired (" + action + ")",
                        "sign in again: aws sso login (or refresh the keys in your environment)");
            }
            if (DENIED.contains(code)) {
                return FerryException.environment("AWS denied " + action + " to these credentials",
                        "allow " + action + " for your IAM user or role (see docs/aws.md for the permissions ferry needs)");
            }
            if (BAD_KEYS.contains(code)) {
                return FerryException.environment("AWS does not accept these credentials (" + code + ")",
                        "check AWS_PROFILE / AWS_ACCESS_KEY_ID, or run aws configure");
            }
            if (THROTTLED.contains(code) || service.isThrottlingException()) {
                return FerryException.failed("AWS kept throttling " + action + " after retries",
                        "wait a minute and run the command again", cause(action, e));
            }
            return FerryException.failed("AWS refused " + action + " (" + (code.isEmpty() ? service.statusCode() : code)
                    + ")", "run again with --debug for AWS's request id", cause(action, e));
        }
        String text = e.getMessage() == null ? "" : e.getMessage();
        if (e instanceof SdkClientException && text.contains("credentials")) {
            return FerryException.environment("no AWS credentials found",
                    "run aws configure or aws sso login, or export AWS_PROFILE (or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY)");
        }
        if (e instanceof SdkClientException && text.toLowerCase(java.util.Locale.ROOT).contains("region")) {
            return FerryException.environment("no AWS region is set",
                    "export AWS_REGION=us-east-1 (or the region to deploy to), or set region in your AWS profile");
        }
        return FerryException.environment("could not reach AWS for " + action,
                "check the network (and AWS_ENDPOINT_URL if it is set); run again with --debug for details");
    }

    /** SSM's exceptions are not chained: their text could echo a request field, and --debug prints causes. */
    private static Throwable cause(String action, SdkException e) {
        return action.startsWith("ssm:") ? null : e;
    }

    /** The error code of an AWS service failure, or "". */
    public static String code(SdkException e) {
        return e instanceof AwsServiceException s && s.awsErrorDetails() != null
                && s.awsErrorDetails().errorCode() != null ? s.awsErrorDetails().errorCode() : "";
    }
}
