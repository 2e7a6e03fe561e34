package dev.ferry.heroku;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.ferry.FerryException;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HerokuEndpointsTest {

    @Test
    void fromEnvironment_nothingSet_herokusOwnUrls() {
        HerokuEndpoints endpoints = HerokuEndpoints.fromEnvironment(Map.of());
        assertThat(endpoints.api()).isEqualTo(URI.create("https://api.heroku.com"));
        assertThat(endpoints.data()).isEqualTo(URI.create("https://api.data.heroku.com"));
        assertThat(endpoints.netrcMachine()).isEqualTo("api.heroku.com");
    }

    @Test
    void fromEnvironment_localServer_urlsAndNetrcMachineWithPort() {
        HerokuEndpoints endpoints = HerokuEndpoints.fromEnvironment(Map.of(
                "HEROKU_API_URL", "http://127.0.0.1:5000/", "HEROKU_DATA_API_URL", "http://127.0.0.1:5001"));
        assertThat(endpoints.api()).isEqualTo(URI.create("http://127.0.0.1:5000"));
        assertThat(endpoints.data()).isEqualTo(URI.create("http://127.0.0.1:5001"));
        assertThat(endpoints.netrcMachine()).isEqualTo("127.0.0.1:5000");
    }

    @Test
    void fromEnvironment_notAUrl_badInputNamingTheVariable() {
        FerryException failure = catchThrowableOfType(FerryException.class,
                () -> HerokuEndpoints.fromEnvironment(Map.of("HEROKU_API_URL", "api.heroku.com")));
        assertThat(failure.kind()).isEqualTo(FerryException.Kind.BAD_INPUT);
        assertThat(failure.getMessage()).startsWith("HEROKU_API_URL is not an http(s) URL");
    }
}
