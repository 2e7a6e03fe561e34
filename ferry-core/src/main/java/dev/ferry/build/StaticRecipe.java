package dev.ferry.build;

import java.util.List;
import java.util.Optional;

/** A static site (index.html and no language): nginx as a non-root user on $PORT, serving the folder. */
final class StaticRecipe implements Recipe {

    private static final List<String> NGINX_CONF = List.of(
            "daemon off;",
            "pid /tmp/nginx.pid;",
            "error_log /dev/stderr;",
            "events {}",
            "http {",
            "  include /etc/nginx/mime.types;",
            "  access_log /dev/stdout;",
            "  client_body_temp_path /tmp/client_body;",
            "  proxy_temp_path /tmp/proxy;",
            "  fastcgi_temp_path /tmp/fastcgi;",
            "  uwsgi_temp_path /tmp/uwsgi;",
            "  scgi_temp_path /tmp/scgi;",
            "  server {",
            "    listen __PORT__;",
            "    root /app;",
            "    index index.html;",
            "    location / { try_files $uri $uri/ =404; }",
            "  }",
            "}");

    @Override
    public Result plan(Context context) {
        var findings = context.newFindings();
        VersionChoice version = VersionChoice.of("stable", "nginx's stable line");
        String start = context.start(Optional.of(
                "sed \"s/__PORT__/${PORT}/\" /etc/nginx/ferry.conf > /tmp/nginx.conf && exec nginx -c /tmp/nginx.conf"),
                findings);
        DockerfileText df = Header.of(context, version);
        df.from("nginx:stable", null);
        Conventions.runtimeSetup(df, "");
        df.run(DockerfileText.writeFile(NGINX_CONF, "/etc/nginx/ferry.conf"));
        Conventions.workdirAndEnv(df);
        Conventions.finish(df, start);
        df.line("COPY " + Conventions.CHOWN + " . .");
        return new Result(version, df, findings);
    }
}
