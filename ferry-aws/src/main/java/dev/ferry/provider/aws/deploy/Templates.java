package dev.ferry.provider.aws.deploy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.Finding;
import dev.ferry.provider.aws.template.AppStackInput;
import dev.ferry.provider.aws.template.AppTemplate;
import dev.ferry.provider.aws.template.BootstrapTemplate;
import java.util.List;

/**
 * Where the deployer gets its CloudFormation templates: the bootstrap stack's and the app stack's. One seam, so the
 * deploy workflow is tested with small templates of its own and uses the real ones
 * ({@code dev.ferry.provider.aws.template}) in production.
 */
public interface Templates {

    /** The app template and what it could not carry over from the compose file. */
    record App(ObjectNode template, List<Finding> findings) {

        public App {
            findings = List.copyOf(findings);
        }
    }

    /** The bootstrap stack's template, JSON. */
    String bootstrapBody();

    /** The bootstrap template's version; a bootstrap stack whose TemplateVersion output differs is updated. */
    String bootstrapVersion();

    /** The app stack's template for {@code input}. */
    App app(AppStackInput input);

    /** The bootstrap stack's output carrying its template's version. */
    String VERSION_OUTPUT = BootstrapTemplate.VERSION_OUTPUT;

    /** The real templates: {@link BootstrapTemplate} and {@link AppTemplate}. */
    static Templates standard() {
        return new Templates() {
            @Override
            public String bootstrapBody() {
                return AwsDeployment.pretty(BootstrapTemplate.build());
            }

            @Override
            public String bootstrapVersion() {
                return String.valueOf(BootstrapTemplate.VERSION);
            }

            @Override
            public App app(AppStackInput input) {
                AppTemplate.Result result = AppTemplate.build(input);
                return new App(result.template(), result.findings());
            }
        };
    }
}
