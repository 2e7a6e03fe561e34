#!/bin/sh
# Benchmark of `ferry init --from heroku` (collect, map, write): a generated app with 40 process types, 15 add-ons and 300 config
# vars, read from the fake Heroku API with 100 ms added to every request. Prints wall time and round trips in
# sequence (target: at most 4, i.e. under 1 s plus JVM start). Not a timed test: figures to watch.
# Usage: bench/init.sh   (from anywhere; builds what it needs with Maven; pass -o for offline Maven)
set -eu
cd "$(dirname "$0")/.."
classpath_file=ferry-core/target/bench-classpath.txt
mvn -q "$@" -pl ferry-core -DskipTests test-compile \
    org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
    -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
exec java -Dferry.shared.dir="$(cd .. && pwd)/shared" \
    -cp "ferry-core/target/test-classes:ferry-core/target/classes:$(cat "$classpath_file")" \
    dev.ferry.heroku.bench.CollectionBenchmark ${BENCH_ARGS:-}
