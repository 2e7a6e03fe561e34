package dev.ferry.heroku;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** "ferry/&lt;version&gt;", the version filtered in by Maven at build time. */
final class FerryUserAgent {

    private FerryUserAgent() {
    }

    static String value() {
        Properties properties = new Properties();
        try (InputStream in = FerryUserAgent.class.getResourceAsStream("ferry-core-version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            // fall through to "dev": the header is informative only
        }
        String version = properties.getProperty("version", "dev");
        return "ferry/" + (version.startsWith("${") ? "dev" : version);
    }
}
