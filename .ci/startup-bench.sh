#!/usr/bin/env bash
# Measures Lateral's start-up on an existing embedded database (goal G7 of issue 18; results in
# src/docs/performance.md). Not part of the test run: start-up time depends on the machine.
#
#   .ci/startup-bench.sh VARIANT [RUNS]    VARIANT: fat | extracted | aot | aot-refresh | all
#                                          (default all = fat, extracted, aot)
#                                          | exploded (the README's ./mvnw spring-boot:run, without Maven)
#
# Needs target/lateral.jar (./mvnw package -DskipTests). Works in target/startup-bench/: one data
# directory created by a first, unmeasured start (and so "existing" for every measured one), the
# extracted jar and the AOT cache. Each measured start runs until readiness is UP, then stops
# with SIGTERM as an operator would. Prints, per run, the JVM's own "process running for" figure
# of "Started LateralApplication" and the wall time from launch to /actuator/health/readiness UP,
# then the medians.
set -euo pipefail
cd "$(dirname "$0")/.."

variant=${1:-all}
runs=${2:-3}
java=${JAVA:-java}
jar=target/lateral.jar
# Absolute: the AOT cache must be used with the class path it was made for (prepare-fast-start.sh).
work=$PWD/target/startup-bench
port=${BENCH_PORT:-18431}
export LATERAL_DATA_DIR=$work/data
export SERVER_PORT=$port
# Extra JVM options for every start, e.g. BENCH_JAVA_OPTS=-Xmx512m
read -r -a extra <<<"${BENCH_JAVA_OPTS:-}"

[[ -f $jar ]] || { echo "no $jar: run ./mvnw package -DskipTests first" >&2; exit 1; }
# Another server on the port would answer the readiness probe for us.
if curl -s -o /dev/null "http://127.0.0.1:$port/"; then
    echo "port $port is in use: set BENCH_PORT" >&2
    exit 1
fi
mkdir -p "$work"

now() { date +%s.%N; }

# Starts the given command line, waits for readiness, stops it. Prints "started ready".
start_once() {
    local log=$work/run.log t0 pid started ready="" cpu="" main=""
    t0=$(now)
    "$@" >"$log" 2>&1 &
    pid=$!
    for _ in $(seq 1 1200); do
        if curl -fs "http://127.0.0.1:$port/actuator/health/readiness" 2>/dev/null | grep -q '"UP"'; then
            ready=$(echo "$(now) - $t0" | bc)
            # The JVM's CPU time (user + system) up to readiness: less sensitive than wall time
            # to other work on the machine.
            cpu=$(awk -v hz="$(getconf CLK_TCK)" '{sub(/.*\) /, ""); print ($12 + $13) / hz}' "/proc/$pid/stat")
            # The thread that runs main() (named "java", like the launcher's first thread, which
            # only waits): Spring's start-up, without the JIT compilers and the GC.
            main=$(for t in /proc/$pid/task/*; do
                if [[ $(cat "$t/comm" 2>/dev/null) == java ]]; then cat "$t/stat" 2>/dev/null || true; fi
            done | awk -v hz="$(getconf CLK_TCK)" '{sub(/.*\) /, ""); c = ($12 + $13) / hz; if (c > m) m = c} END {print m + 0}')
            break
        fi
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.05
    done
    started=$(sed -n 's/.*Started LateralApplication in .* (process running for \([0-9.]*\)).*/\1/p' "$log")
    kill -TERM "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    if [[ -z $ready || -z $started ]]; then
        echo "start failed; log in $log" >&2
        tail -30 "$log" >&2
        exit 1
    fi
    # How long the start-up waited for the embedded PostgreSQL (EmbeddedDatabaseConfiguration's log).
    local dbwait
    dbwait=$(sed -n 's/.*start-up waited \([0-9]*\) ms for it.*/\1/p' "$log" | head -1)
    printf '%.2f %.2f %.2f %.2f %s\n' "$started" "$ready" "$cpu" "$main" "${dbwait:-?}"
}

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

measure() {
    local name=$1; shift
    local results=()
    # One unmeasured start: creates the data directory the first time, warms the page cache.
    start_once "$@" >/dev/null
    for i in $(seq 1 "$runs"); do
        local r
        r=$(start_once "$@")
        read -r rs rr rc rm rw <<<"$r"
        echo "$name run $i: started $rs s, ready $rr s, JVM CPU to ready $rc s (main thread $rm s), waited $rw ms for the database"
        results+=("$r")
    done
    local ms mr mc mm
    ms=$(printf '%s\n' "${results[@]}" | cut -d' ' -f1 | median)
    mr=$(printf '%s\n' "${results[@]}" | cut -d' ' -f2 | median)
    mc=$(printf '%s\n' "${results[@]}" | cut -d' ' -f3 | median)
    mm=$(printf '%s\n' "${results[@]}" | cut -d' ' -f4 | median)
    echo "$name median: started $ms s, ready $mr s, JVM CPU $mc s, main thread $mm s (load average $(cut -d' ' -f1 /proc/loadavg))"
}

# The README's `./mvnw spring-boot:run`, without Maven: the same JVM command line as the plugin's
# forked JVM (target/classes, then the dependency jars from ~/.m2 without the class-less starters;
# the plugin adds -XX:TieredStopAtLevel=1 by default, its "optimizedLaunch"). Maven's own start
# is left out. No class cache is possible here: with a non-empty directory (target/classes) on the
# class path, JDK 25 neither writes a CDS archive or AOT cache ("Cannot have non-empty directory in
# paths") nor uses one ("directory is not empty"); see src/docs/performance.md.
run_classpath() {
    local deps=$work/dependencies.txt
    if [[ ! -s $deps || pom.xml -nt $deps ]]; then
        ./mvnw -q -o dependency:build-classpath -DincludeScope=runtime -Dmdep.outputFile="$deps" >/dev/null
    fi
    # Vaadin's production-mode marker: the plugin writes it into target/classes but deletes it when
    # Maven exits, so under spring-boot:run it is there only while Maven runs. Taken from the jar.
    local token=$work/token/META-INF/VAADIN/config/flow-build-info.json
    mkdir -p "$(dirname "$token")"
    unzip -p "$jar" META-INF/VAADIN/config/flow-build-info.json >"$token"
    echo "$PWD/target/classes:$(tr ':' '\n' <"$deps" | grep -v '/spring-boot-starter' | paste -sd:):$work/token"
}

extract() {
    rm -rf "$work/extracted"
    "$java" -Djarmode=tools -jar "$jar" extract --destination "$work/extracted" >/dev/null
}

case $variant in
    fat | all) measure fat "$java" "${extra[@]}" -jar "$jar" ;;&
    extracted | all)
        extract
        measure extracted "$java" "${extra[@]}" -jar "$work/extracted/lateral.jar"
        ;;&
    aot-refresh)
        # Spring Boot's documented training: the context is refreshed, then the JVM halts (Lateral's
        # PostgreSQL is left running; the next start stops it, as after a crash).
        [[ -f $work/extracted/lateral.jar ]] || extract
        rm -f "$work/app.aot"
        "$java" "${extra[@]}" -XX:AOTCacheOutput="$work/app.aot" -Dspring.context.exit=onRefresh \
            -jar "$work/extracted/lateral.jar" >"$work/training.log" 2>&1
        measure aot-refresh "$java" "${extra[@]}" -XX:AOTCache="$work/app.aot" -jar "$work/extracted/lateral.jar"
        ;;
    aot | all)
        # What the README tells a school to run: extract, train until ready, stop (see the script).
        JAVA=$java JAVA_OPTS=${BENCH_JAVA_OPTS:-} src/main/scripts/prepare-fast-start.sh "$jar" "$work/fast" >/dev/null
        measure aot "$java" "${extra[@]}" -XX:AOTCache="$work/fast/lateral.aot" -jar "$work/fast/lateral.jar"
        ;;
    exploded)
        measure exploded "$java" "${extra[@]}" -XX:TieredStopAtLevel=1 -cp "$(run_classpath)" org.lateral.LateralApplication
        ;;&
    fat | extracted | aot | aot-refresh | all | exploded) ;;
    *) echo "unknown variant $variant" >&2; exit 2 ;;
esac
