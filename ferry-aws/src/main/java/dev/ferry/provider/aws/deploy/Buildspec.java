package dev.ferry.provider.aws.deploy;

import java.util.List;

/**
 * The CodeBuild buildspec ferry sends with each build: unpack the uploaded context, log in to ECR, docker build with
 * the archive's Dockerfile, push when the build succeeded. Every value in it is a name or URI, never a secret.
 */
final class Buildspec {

    private static final String DIR = "/tmp/ferry-context";

    private Buildspec() {
    }

    static String of(ContextUploader.Uploaded context, String imageUri) {
        String registry = imageUri.substring(0, imageUri.indexOf('/'));
        String archive = context.key().substring(context.key().lastIndexOf('/') + 1);
        List<String> preBuild = List.of(
                "mkdir -p " + DIR,
                // CodeBuild puts a non-zip S3 source into the source folder as it is; fetch it when it did not
                "if [ -f \"$CODEBUILD_SRC_DIR/" + archive + "\" ]; then tar -xzf \"$CODEBUILD_SRC_DIR/" + archive
                        + "\" -C " + DIR + "; else aws s3 cp " + sh("s3://" + context.sourceLocation()) + " - | tar -xz -C "
                        + DIR + "; fi",
                "aws ecr get-login-password --region \"$AWS_DEFAULT_REGION\" | docker login --username AWS"
                        + " --password-stdin " + sh(registry));
        List<String> build = List.of(
                "docker build -f " + DIR + "/" + ContextArchive.DOCKERFILE + " -t " + sh(imageUri) + " " + DIR);
        List<String> postBuild = List.of(
                "if [ \"$CODEBUILD_BUILD_SUCCEEDING\" = 1 ]; then docker push " + sh(imageUri) + "; fi");
        return "version: 0.2\nphases:\n" + phase("pre_build", preBuild) + phase("build", build)
                + phase("post_build", postBuild);
    }

    private static String phase(String name, List<String> commands) {
        StringBuilder yaml = new StringBuilder("  " + name + ":\n    commands:\n");
        commands.forEach(c -> yaml.append("      - ").append(yamlQuoted(c)).append('\n'));
        return yaml.toString();
    }

    private static String sh(String value) {
        return "'" + value.replace("'", "'\\''") + "'";
    }

    private static String yamlQuoted(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
