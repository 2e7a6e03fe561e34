package dev.ferry.build;

import dev.ferry.Finding;
import java.util.List;
import java.util.Optional;

/**
 * Node: install in a layer of its own, then the source, then the build script; with a build script, a second
 * stage keeps only production dependencies and the built app.
 */
final class NodeRecipe implements Recipe {

    @Override
    public Result plan(Context context) {
        SourceTree tree = context.tree();
        NodeTooling node = new NodeTooling(tree);
        List<Finding> findings = context.newFindings();
        findings.addAll(node.findings);
        Optional<String> defaultStart = node.hasStartScript ? Optional.of(node.start())
                : tree.exists("server.js") ? Optional.of("node server.js") : Optional.empty();
        String start = context.start(defaultStart, findings);
        DockerfileText df = Header.of(context, node.version);
        if (node.buildScript.isEmpty()) {
            df.from(node.image(), null);
            Conventions.runtimeSetup(df, "");
            Conventions.workdirAndEnv(df, "NODE_ENV=production PATH=/app/node_modules/.bin:$PATH");
            node.setUpManager(df);
            installDependencies(df, node, true, findings);
            Conventions.finish(df, start);
            df.line("COPY " + Conventions.CHOWN + " . .");
        } else {
            df.from(node.image(), "build");
            df.line("WORKDIR /app");
            node.setUpManager(df);
            installDependencies(df, node, false, findings);
            df.line("COPY . .");
            df.run("NODE_ENV=production " + node.run(node.buildScript.get()));
            node.prune().ifPresent(df::run);
            df.from(node.image(), null);
            Conventions.runtimeSetup(df, "");
            Conventions.workdirAndEnv(df, "NODE_ENV=production PATH=/app/node_modules/.bin:$PATH");
            node.setUpManager(df);
            Conventions.finish(df, start);
            df.copyFrom("build", Conventions.CHOWN, "/app", "/app");
        }
        return new Result(node.version, df, findings);
    }

    /** The dependency layer: copy only the manifests and lockfiles, then install. Workspaces need the whole tree. */
    static void installDependencies(DockerfileText df, NodeTooling node, boolean production, List<Finding> findings) {
        if (node.workspaces) {
            findings.add(Finding.note("node-workspaces", "package.json",
                    "workspaces: the whole source is copied before installing, so any change reinstalls dependencies."));
            df.line("COPY . .");
        } else {
            df.line("COPY " + String.join(" ", node.dependencyFiles) + " ./");
        }
        df.run(node.install(production));
    }
}
