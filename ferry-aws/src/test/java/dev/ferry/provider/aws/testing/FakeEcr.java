package dev.ferry.provider.aws.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.provider.aws.testing.FakeAws.Request;
import dev.ferry.provider.aws.testing.FakeAws.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.Set;

/** One ECR repository's tags: DescribeImages by tag answers the image or ImageNotFoundException. */
public final class FakeEcr {

    static final ObjectMapper JSON = new ObjectMapper();
    private final String repository;
    private final Set<String> tags = new LinkedHashSet<>();

    /** @param repository the repository's name, e.g. "ferry" */
    public FakeEcr(String repository) {
        this.repository = repository;
    }

    public FakeEcr install(FakeAws aws) {
        aws.on("AmazonEC2ContainerRegistry_V20150921.DescribeImages", this::describeImages);
        return this;
    }

    public synchronized FakeEcr tag(String tag) {
        tags.add(tag);
        return this;
    }

    public synchronized Set<String> tags() {
        return Set.copyOf(tags);
    }

    public synchronized Response describeImages(Request request) {
        JsonNode body = parse(request);
        if (!repository.equals(body.path("repositoryName").asText())) {
            return Response.jsonError(400, "RepositoryNotFoundException", "The repository with name '"
                    + body.path("repositoryName").asText() + "' does not exist in the registry");
        }
        String tag = body.path("imageIds").path(0).path("imageTag").asText();
        if (!tags.contains(tag)) {
            return Response.jsonError(400, "ImageNotFoundException", "The image with imageId {imageTag:'" + tag
                    + "'} does not exist within the repository with name '" + repository + "'");
        }
        return Response.json("{\"imageDetails\":[{\"registryId\":\"123456789012\",\"repositoryName\":\"" + repository
                + "\",\"imageDigest\":\"sha256:" + "0".repeat(64) + "\",\"imageTags\":[\"" + tag + "\"]}]}");
    }

    static JsonNode parse(Request request) {
        try {
            return JSON.readTree(request.body());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + request.operation(), e);
        }
    }
}
