package dev.ferry.provider.aws.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.FerryException;
import dev.ferry.provider.aws.AwsClients;
import dev.ferry.provider.aws.testing.FakeAws;
import dev.ferry.provider.aws.testing.OpsSsmFake;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SsmConfigStoreTest {

    private static final String SECRET = "s3cr3t-value-that-must-not-leak";

    private final FakeAws aws = new FakeAws();
    private final OpsSsmFake ssm = OpsSsmFake.on(aws);
    private final AwsClients clients = new AwsClients(aws.env());
    private final SsmConfigStore store = new SsmConfigStore(clients.ssm(), OpsFixtures.SETTINGS);

    @AfterEach
    void close() {
        clients.close();
        aws.close();
    }

    private static JsonNode body(FakeAws.Request request) throws Exception {
        return new ObjectMapper().readTree(request.body());
    }

    @Test
    void setAll_values_putAsOverwrittenSecureStringsUnderThePrefixAndTagged() throws Exception {
        store.setAll(Map.of("SECRET_KEY_BASE", SECRET, "API_TOKEN", "tok-123"));

        assertThat(ssm.values()).containsOnly(Map.entry("/ferry/shop/beta/SECRET_KEY_BASE", SECRET),
                Map.entry("/ferry/shop/beta/API_TOKEN", "tok-123"));
        assertThat(aws.requests("AmazonSSM.PutParameter")).hasSize(2);
        for (FakeAws.Request put : aws.requests("AmazonSSM.PutParameter")) {
            JsonNode body = body(put);
            assertThat(body.path("Type").asText()).isEqualTo("SecureString");
            assertThat(body.path("Overwrite").asBoolean()).isTrue();
            assertThat(body.has("Tags")).as("SSM refuses Tags with Overwrite").isFalse();
        }
        assertThat(ssm.tags("/ferry/shop/beta/API_TOKEN")).containsEntry("ferry:project", "shop")
                .containsEntry("ferry:stack", "beta");
        assertThat(aws.unexpected()).isEmpty();
    }

    @Test
    void setAll_existingName_isReplaced() {
        ssm.preset("/ferry/shop/beta/API_TOKEN", "old");
        store.set("API_TOKEN", "new");
        assertThat(store.get("API_TOKEN")).contains("new");
    }

    @Test
    void setAll_manyValues_allWrittenWithBoundedParallelism() {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < 23; i++) {
            values.put("NAME_" + i, "value-" + i);
        }
        store.setAll(values);
        assertThat(store.names()).hasSize(23);
        assertThat(SsmConfigStore.PARALLEL_WRITES).isBetween(2, 8);
    }

    @Test
    void names_manyPages_listsEveryNameWithoutDecrypting() throws Exception {
        ssm.pageSize(2);
        for (String name : new String[] {"A", "B", "C", "D", "E"}) {
            ssm.preset("/ferry/shop/beta/" + name, SECRET);
        }
        ssm.preset("/ferry/shop/production/OTHER_STACK", "x").preset("/ferry/other/beta/OTHER_APP", "x");

        assertThat(store.names()).containsExactly("A", "B", "C", "D", "E");

        assertThat(aws.requests("AmazonSSM.GetParametersByPath")).hasSize(3).allSatisfy(r -> {
            JsonNode body = body(r);
            assertThat(body.path("WithDecryption").asBoolean(true)).isFalse();
            assertThat(body.path("Path").asText()).isEqualTo("/ferry/shop/beta");
        });
    }

    @Test
    void remove_presentThenMissing_trueThenFalse() {
        store.set("API_TOKEN", "x");
        assertThat(store.remove("API_TOKEN")).isTrue();
        assertThat(store.remove("API_TOKEN")).isFalse();
        assertThat(store.names()).isEmpty();
    }

    @Test
    void get_decryptsOrIsEmpty() throws Exception {
        ssm.preset("/ferry/shop/beta/API_TOKEN", SECRET);
        assertThat(store.get("API_TOKEN")).contains(SECRET);
        assertThat(store.get("MISSING")).isEmpty();
        assertThat(body(aws.requests("AmazonSSM.GetParameter").get(0)).path("WithDecryption").asBoolean()).isTrue();
    }

    @Test
    void description_namesThePrefixAndRegion() {
        assertThat(store.description()).isEqualTo("SSM Parameter Store /ferry/shop/beta/ in us-east-1");
    }

    @Test
    void setAll_badName_isBadInputBeforeAnyCall() {
        assertThatThrownBy(() -> store.set("1BAD", "x")).isInstanceOf(FerryException.class)
                .satisfies(e -> assertThat(((FerryException) e).kind()).isEqualTo(FerryException.Kind.BAD_INPUT));
        assertThat(aws.requests()).isEmpty();
    }

    @Test
    void setAll_accessDenied_isEnvironmentNamingTheActionWithoutTheValue() {
        aws.on("AmazonSSM.PutParameter", r -> FakeAws.Response.jsonError(400, "AccessDeniedException",
                "User: arn:aws:iam::123456789012:user/dev is not authorized to perform: ssm:PutParameter"));
        assertThatThrownBy(() -> store.set("API_TOKEN", SECRET)).isInstanceOf(FerryException.class)
                .satisfies(e -> {
                    FerryException f = (FerryException) e;
                    assertThat(f.kind()).isEqualTo(FerryException.Kind.ENVIRONMENT);
                    assertThat(f.getMessage()).contains("ssm:PutParameter").doesNotContain(SECRET);
                    assertThat(f.hint()).doesNotContain(SECRET);
                });
    }

    @Test
    void setAll_validationEchoingTheValue_neverCarriesTheValue() {
        aws.on("AmazonSSM.PutParameter", r -> FakeAws.Response.jsonError(400, "ValidationException",
                "Value '" + SECRET + "' at 'value' failed to satisfy constraint"));
        assertThatThrownBy(() -> store.set("API_TOKEN", SECRET)).isInstanceOf(FerryException.class)
                .satisfies(e -> {
                    assertThat(e.getMessage()).contains("ValidationException").doesNotContain(SECRET);
                    assertThat(e.getCause()).isNull();
                });
    }

    @Test
    void names_expiredToken_isEnvironmentWithTheFix() {
        aws.on("AmazonSSM.GetParametersByPath", r -> FakeAws.Response.jsonError(400, "ExpiredTokenException",
                "The security token included in the request is expired"));
        assertThatThrownBy(store::names).isInstanceOf(FerryException.class).satisfies(e -> {
            assertThat(((FerryException) e).kind()).isEqualTo(FerryException.Kind.ENVIRONMENT);
            assertThat(e.getMessage()).contains("expired");
            assertThat(((FerryException) e).hint()).contains("aws sso login");
        });
    }
}
