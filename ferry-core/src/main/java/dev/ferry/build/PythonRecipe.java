package dev.ferry.build;

import dev.ferry.Finding;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Python: a virtual environment at /opt/venv built in its own stage (uv, Poetry, Pipenv or pip, chosen by the lock
 * file), copied into a slim runtime stage with the source; Django's collectstatic when manage.py is there.
 */
final class PythonRecipe implements Recipe {

    private static final Pattern MAJOR_MINOR = Pattern.compile("(?:python-)?(\\d+)\\.(\\d+).*");
    private static final String VENV = "/opt/venv";

    @Override
    public Result plan(Context context) {
        SourceTree tree = context.tree();
        List<Finding> findings = context.newFindings();
        VersionChoice version = version(tree, findings);
        String image = "python:" + version.version() + "-slim";
        Optional<String> defaultStart = tree.exists("app.py") ? Optional.of("python app.py")
                : tree.exists("main.py") ? Optional.of("python main.py") : Optional.empty();
        String start = context.start(defaultStart, findings);

        DockerfileText df = Header.of(context, version);
        df.from(image, "build");
        df.line("WORKDIR /app");
        df.line("ENV PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_CACHE_DIR=1");
        installDependencies(df, tree, findings);
        df.from(image, null);
        Conventions.runtimeSetup(df, "");
        Conventions.workdirAndEnv(df, "PATH=" + VENV + "/bin:$PATH", "VIRTUAL_ENV=" + VENV, "PYTHONUNBUFFERED=1");
        df.copyFrom("build", "", VENV, VENV);
        Conventions.finish(df, start);
        df.line("COPY " + Conventions.CHOWN + " . .");
        if (tree.exists("manage.py") && Manifests.mentions(tree, "django", "requirements.txt", "pyproject.toml",
                "Pipfile")) {
            findings.add(Finding.note("django-collectstatic", "service " + context.service(),
                    "collectstatic runs at build time without the app's config vars, as on Heroku;"
                            + " if it needs one, eject the Dockerfile and give it a non-secret build value."));
            df.run("python manage.py collectstatic --noinput");
        }
        return new Result(version, df, findings);
    }

    /** The dependency layer, by lock file: uv.lock, poetry.lock, Pipfile, requirements.txt, else pyproject alone. */
    private static void installDependencies(DockerfileText df, SourceTree tree, List<Finding> findings) {
        if (tree.exists("uv.lock")) {
            df.line("ENV UV_PROJECT_ENVIRONMENT=" + VENV + " UV_COMPILE_BYTECODE=1 UV_LINK_MODE=copy");
            df.run("pip install uv");
            df.line("COPY pyproject.toml uv.lock ./");
            df.run("uv sync --frozen --no-dev --no-install-project");
            df.line("COPY . .");
            df.run("uv sync --frozen --no-dev");
        } else if (tree.exists("poetry.lock")) {
            df.line("ENV VIRTUAL_ENV=" + VENV + " POETRY_VIRTUALENVS_CREATE=false");
            df.run("python -m venv /opt/poetry", "/opt/poetry/bin/pip install poetry", "python -m venv " + VENV);
            df.line("COPY pyproject.toml poetry.lock ./");
            df.run("/opt/poetry/bin/poetry install --only main --no-root --no-interaction");
        } else if (tree.exists("Pipfile")) {
            if (!tree.exists("Pipfile.lock")) {
                findings.add(Finding.warning("python-pipfile-unlocked", "Pipfile",
                        "no Pipfile.lock: dependencies are resolved at build time; commit Pipfile.lock."));
            }
            df.run("python -m venv /opt/pipenv", "/opt/pipenv/bin/pip install pipenv", "python -m venv " + VENV);
            df.line("COPY " + String.join(" ", Manifests.existing(tree, "Pipfile", "Pipfile.lock")) + " ./");
            df.run("/opt/pipenv/bin/pipenv requirements > /tmp/requirements.txt",
                    VENV + "/bin/pip install -r /tmp/requirements.txt");
        } else if (tree.exists("requirements.txt")) {
            df.run("python -m venv " + VENV);
            df.line("COPY requirements.txt ./");
            df.run(VENV + "/bin/pip install -r requirements.txt");
        } else {
            findings.add(Finding.warning("python-no-lockfile", "pyproject.toml",
                    "no uv.lock, poetry.lock or requirements.txt: the project is installed with its source,"
                            + " so every change reinstalls dependencies; commit a lock file."));
            df.run("python -m venv " + VENV);
            df.line("COPY . .");
            df.run(VENV + "/bin/pip install .");
        }
    }

    /** .python-version, then runtime.txt (accepted with a warning), then ferry's default. */
    static VersionChoice version(SourceTree tree, List<Finding> findings) {
        Optional<String> pinned = Manifests.firstLine(tree, ".python-version");
        Optional<String> fromPin = pinned.flatMap(PythonRecipe::majorMinor);
        if (fromPin.isPresent()) {
            return VersionChoice.of(fromPin.get(), ".python-version \"" + pinned.get() + "\"");
        }
        Optional<String> runtime = Manifests.firstLine(tree, "runtime.txt");
        Optional<String> fromRuntime = runtime.flatMap(PythonRecipe::majorMinor);
        if (fromRuntime.isPresent()) {
            findings.add(Finding.warning("python-runtime-txt", "runtime.txt",
                    "runtime.txt is deprecated and Heroku's newer builders reject it; move the version to"
                            + " .python-version (e.g. \"" + fromRuntime.get() + "\")."));
            return VersionChoice.of(fromRuntime.get(), "runtime.txt \"" + runtime.get() + "\"");
        }
        return VersionChoice.byDefault(DefaultVersions.PYTHON);
    }

    private static Optional<String> majorMinor(String text) {
        Matcher m = MAJOR_MINOR.matcher(text.trim());
        return m.matches() ? Optional.of(m.group(1) + "." + m.group(2)) : Optional.empty();
    }
}
