#!/bin/bash
# Benchmark of `ferry data migrate` (Postgres): a generated database of SIZE MB (default 200; the issue's targets are
# about 1024 and 5120) copied between two throw-away PostgreSQL servers on this machine, in the same run:
#   1. the plain pipe        pg_dump -Fc | pg_restore --no-owner --no-acl          (baseline, run before and after)
#   2. ferry                 one COPY stream + verification (the source's rows hashed from the stream, the target's
#                            by its server), JVM start included; run through ./ferry, the launcher users run (its
#                            JVM flags and class-data archive)
#   3. ferry --jobs 2        two COPY streams (large tables in page ranges) + verification
# Prints seconds, MB/s, the ratio to the pipe (mean of its two runs) and the CPU seconds the two servers and the
# clients used. Figures to watch, not a timed test: both servers and all clients share this machine's cores, so the
# numbers say more about CPU than about a network copy.
# Usage: bench/data.sh [SIZE_MB]      (builds ferry with Maven; MVN_ARGS=-o for offline; PG_BIN to pick the server;
#        ROUNDS=2 measures the four runs twice on the same generated database)
set -euo pipefail
cd "$(dirname "$0")/.."
size_mb=${1:-200}
pg_bin=${PG_BIN:-/usr/lib/postgresql/15/bin}
password='bench-p@ss'

mvn -q ${MVN_ARGS:-} -pl ferry-cli -am -DskipTests package
# the launcher writes the data command's class-data archive on its first run after a build: done here, untimed
./ferry data migrate --help > /dev/null

work=$(mktemp -d /tmp/ferry-bench-data.XXXXXX)
as_server() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
if [ "$(id -u)" = 0 ]; then chown postgres "$work"; fi
cleanup() {
  for s in source target; do
    [ -f "$work/$s/postmaster.pid" ] && as_server "$pg_bin/pg_ctl" -D "$work/$s" -m immediate -w stop >/dev/null 2>&1 || true
  done
  rm -rf "$work"
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

printf '%s\n' "$password" > "$work/pwfile"
[ "$(id -u)" = 0 ] && chown postgres "$work/pwfile"
declare -A port
for s in source target; do
  port[$s]=$(free_port)
  as_server "$pg_bin/initdb" -D "$work/$s" -U bench --auth=scram-sha-256 --pwfile="$work/pwfile" -E UTF8 --locale=C --no-sync >/dev/null
  as_server "$pg_bin/pg_ctl" -D "$work/$s" -l "$work/$s.log" -w -o "-p ${port[$s]} -k $work -c listen_addresses=127.0.0.1 \
    -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_wal_size=4GB -c shared_buffers=128MB" start >/dev/null
done
export PGPASSWORD=$password PGUSER=bench PGHOST=127.0.0.1
src_url="postgres://bench:bench-p%40ss@127.0.0.1:${port[source]}/app"
dst_url() { echo "postgres://bench:bench-p%40ss@127.0.0.1:${port[target]}/$1"; }

echo "generating a ${size_mb} MB database (pgbench tables for ~70%, a jsonb/text/bytea table for the rest)..."
psql -q -p "${port[source]}" -d postgres -c "CREATE DATABASE app"
scale=$(( size_mb * 70 / 100 / 15 )); [ "$scale" -lt 1 ] && scale=1
"$pg_bin/pgbench" -q -i -s "$scale" -p "${port[source]}" app >/dev/null 2>&1
event_rows=$(( size_mb * 30 / 100 * 1024 * 1024 / 700 ))
psql -q -p "${port[source]}" -d app <<SQL
CREATE TABLE events (id bigserial PRIMARY KEY, at timestamptz NOT NULL, kind text, payload jsonb, raw bytea);
INSERT INTO events (at, kind, payload, raw)
  SELECT now() - g * interval '1 second', (ARRAY['click','view','buy'])[1 + g % 3],
         jsonb_build_object('user', g % 1000, 'path', '/items/' || g, 'tags', jsonb_build_array('a', 'b', g % 7)),
         decode(repeat(md5(g::text), 8), 'hex')
  FROM generate_series(1, $event_rows) g;
VACUUM ANALYZE;
SQL
bytes=$(psql -At -p "${port[source]}" -d app -c "SELECT pg_database_size('app')")
mb=$(awk -v b="$bytes" 'BEGIN { printf "%.0f", b / 1048576 }')
echo "source database: $mb MB; load average before: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores"

seconds() { local start=$1; awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { printf "%.2f", e - s }'; }
# CPU seconds of both servers' finished backends (a postmaster's reaped children: every session of a run is over
# when it ends), and of the clients (this shell's reaped children)
server_cpu() {
  local total=0 pid
  for s in source target; do
    pid=$(head -1 "$work/$s/postmaster.pid")
    total=$(awk -v t="$total" '{ print t + ($16 + $17) / 100 }' "/proc/$pid/stat")
  done
  echo "$total"
}
# `times` runs in the calling shell (not in a $(…) subshell, which would count its own children only)
times_to() { times > "$work/$1"; }
client_cpu() { awk 'NR == 2 { gsub(/[ms]/, " "); print $1 * 60 + $2 + $3 * 60 + $4 }' "$work/$1"; }
fresh_db() { PGOPTIONS="-c client_min_messages=warning" psql -q -p "${port[target]}" -d postgres -c "DROP DATABASE IF EXISTS $1" -c "CREATE DATABASE $1"; }

# prints: seconds, server CPU seconds, client CPU seconds
run_pipe() {
  local db=$1; fresh_db "$db"; local start s0; start=$(date +%s.%N); s0=$(server_cpu); times_to c0
  "$pg_bin/pg_dump" -Fc -p "${port[source]}" app | "$pg_bin/pg_restore" --no-owner --no-acl -p "${port[target]}" -d "$db"
  times_to c1
  echo "$(seconds "$start") $(awk -v a="$s0" -v b="$(server_cpu)" 'BEGIN { printf "%.1f", b - a }')" \
    "$(awk -v a="$(client_cpu c0)" -v b="$(client_cpu c1)" 'BEGIN { printf "%.1f", b - a }')"
  psql -q -p "${port[target]}" -d postgres -c "DROP DATABASE $db"
}
# prints: seconds, server CPU, client CPU, copy seconds, verify seconds (as ferry reports them)
run_ferry() {
  local db=$1; shift; fresh_db "$db"; local start s0; start=$(date +%s.%N); s0=$(server_cpu); times_to c0
  SRC=$src_url DST=$(dst_url "$db") FERRY_PG_BIN=$pg_bin ./ferry data migrate --from-url env:SRC \
    --to-url env:DST --yes --json "$@" > "$work/ferry.json" 2> "$work/ferry.err" || { cat "$work/ferry.err" >&2; return 1; }
  local s; s=$(seconds "$start"); times_to c1
  grep -q '"verified" : true' "$work/ferry.json" || { echo "ferry did not verify" >&2; cat "$work/ferry.err" >&2; return 1; }
  echo "$s $(awk -v a="$s0" -v b="$(server_cpu)" 'BEGIN { printf "%.1f", b - a }')" \
    "$(awk -v a="$(client_cpu c0)" -v b="$(client_cpu c1)" 'BEGIN { printf "%.1f", b - a }')" \
    "$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(d["copySeconds"], d["verifySeconds"])' "$work/ferry.json")"
  psql -q -p "${port[target]}" -d postgres -c "DROP DATABASE $db"
}

row() { awk -v name="$1" -v s="$2" -v mb="$mb" -v pipe="$pipe" -v extra="${3:-}" \
  'BEGIN { printf "%-44s %7.2f s %8.1f MB/s %6.2fx  %s\n", name, s, mb / s, pipe / s, extra }'; }
for round in $(seq 1 "${ROUNDS:-1}"); do
  load=$(cut -d' ' -f1-3 /proc/loadavg)
  read -r pipe1 ps1 pc1 <<< "$(run_pipe t1)"
  read -r ferry1 fs1 fc1 copy1 verify1 <<< "$(run_ferry t2)"
  read -r ferry2 fs2 fc2 copy2 verify2 <<< "$(run_ferry t3 --jobs 2)"
  read -r pipe2 ps2 pc2 <<< "$(run_pipe t4)"
  pipe=$(awk -v a="$pipe1" -v b="$pipe2" 'BEGIN { printf "%.2f", (a + b) / 2 }')
  echo
  echo "round $round, $mb MB (throughput = database size / wall time; ratio = pipe time / this time, higher is better;"
  echo "CPU = seconds used by the two servers + by the clients). Load average before: $load"
  row "pg_dump -Fc | pg_restore (run 1)" "$pipe1" "CPU $ps1 + $pc1 s"
  row "pg_dump -Fc | pg_restore (run 2)" "$pipe2" "CPU $ps2 + $pc2 s"
  row "ferry data migrate (+ verification)" "$ferry1" "CPU $fs1 + $fc1 s; copy $copy1 s, verify $verify1 s after it"
  row "ferry data migrate --jobs 2 (+ verification)" "$ferry2" "CPU $fs2 + $fc2 s; copy $copy2 s, verify $verify2 s after it"
  echo "targets (issue 6): ferry >= 0.95x the pipe; --jobs 2 > 1.5x. Load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
done
