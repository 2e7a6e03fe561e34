package dev.ferry.provider.aws.deploy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.FerryException;
import dev.ferry.provider.aws.template.AppStackInput;

/**
 * Where the deployer gets its CloudFormation templates: the bootstrap stack's and the app stack's. One seam, so the
 * deploy workflow is tested with small templates of its own and uses the real ones
 * ({@code dev.ferry.provider.aws.template}) in production.
 */
public interface Templates {

    /** The bootstrap stack's template, JSON. */
    String bootstrapBody();

    /** The bootstrap template's version; a bootstrap stack whose TemplateVersion output differs is updated. */
    String bootstrapVersion();

    /** The app stack's template for {@code input}. */
    ObjectNode app(AppStackInput input);

    /** The bootstrap stack's output carrying its template's version. */
    String VERSION_OUTPUT = "TemplateVersion";

    /**
     * The real templates. SWITCH POINT: until the aws-template branch (BootstrapTemplate, AppTemplate) is merged,
     * this says so; afterwards it returns BootstrapTemplate.build() / AppTemplate.build(input).
     */
    static Templates standard() {
        return new Templates() {
            @Override
            public String bootstrapBody() {
                throw notMerged();
            }

            @Override
            public String bootstrapVersion() {
                throw notMerged();
            }

            @Override
            public ObjectNode app(AppStackInput input) {
                throw notMerged();
            }
        };
    }

    private static FerryException notMerged() {
        return FerryException.environment("the aws templates are not part of this build yet",
                "use --provider local");
    }
}
