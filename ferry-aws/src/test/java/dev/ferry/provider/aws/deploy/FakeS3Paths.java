package dev.ferry.provider.aws.deploy;

import dev.ferry.provider.aws.testing.FakeAws.Request;

/** BUCKET/KEY of a path-style S3 request. */
final class FakeS3Paths {

    private FakeS3Paths() {
    }

    static String key(Request request) {
        String path = request.path();
        int query = path.indexOf('?');
        return (query < 0 ? path : path.substring(0, query)).substring(1);
    }
}
