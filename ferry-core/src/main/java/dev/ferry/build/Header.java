package dev.ferry.build;

/** The comment block that opens every Dockerfile ferry writes: what it is, why these choices, how to own it. */
final class Header {

    private Header() {
    }

    static DockerfileText of(Recipe.Context context, VersionChoice version) {
        Detection d = context.detection();
        DockerfileText df = new DockerfileText();
        df.comment("Written by ferry for service \"" + context.service() + "\": " + d.language().id()
                + " detected from " + d.evidence() + ".");
        df.comment(d.language().id() + " " + version.version() + " from " + version.source() + ".");
        d.alsoInstalled().forEach(l -> df.comment("Also installed: " + l.id() + "."));
        df.comment("One image serves every process type; compose.yaml sets each service's command.");
        df.comment("To own and edit this file: ferry build plan " + context.service() + " --eject");
        return df;
    }
}
