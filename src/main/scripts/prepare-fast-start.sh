#!/usr/bin/env bash
# Prepares a faster-starting Lateral (README, "Faster start-up"; measured in
# src/docs/performance.md):
#
#   src/main/scripts/prepare-fast-start.sh [JAR] [DIR]     defaults: target/lateral.jar, lateral-fast
#
# 1. Extracts the jar into DIR (DIR/lateral.jar plus DIR/lib/). Classes then load from plain jar
#    files instead of through Spring Boot's nested-jar class loader, where most of the fat jar's
#    start-up went.
# 2. Makes the JDK's ahead-of-time cache DIR/lateral.aot (JDK 25: JEP 483, 514, 515) with one
#    training run: the classes Lateral loaded and linked, and the methods it ran, are stored so
#    that the next starts skip that work. The training run starts Lateral on a throwaway data
#    directory and a free port (the school's data is never touched), waits until it is ready,
#    opens the sign-in page once, and stops it.
#
# Then start Lateral with (same JDK, same DIR; any LATERAL_* / SPRING_* settings as usual):
#
#   java -XX:AOTCache=DIR/lateral.aot -jar DIR/lateral.jar
#
# JVM options given in JAVA_OPTS (e.g. JAVA_OPTS="-Xmx2g") are used for the training run too:
# start Lateral with the same ones, or the JVM may use only part of the cache.
#
# Use exactly the command printed at the end (the absolute paths the cache was made for) and the
# same JDK. Run this again after every upgrade of Lateral or of the JDK. If Lateral ever fails to
# start with a message from "[aot]", run this again, or start without -XX:AOTCache.
set -euo pipefail

jar=${1:-target/lateral.jar}
dir=${2:-lateral-fast}
java=${JAVA:-java}
read -r -a opts <<<"${JAVA_OPTS:-}"

[[ -f $jar ]] || { echo "no $jar: build it with ./mvnw package -DskipTests, or name the jar" >&2; exit 1; }
if ! "$java" -XX:AOTMode=off -version >/dev/null 2>&1; then
    echo "$java has no ahead-of-time cache (JDK 25 or newer needed); the extracted jar alone still helps" >&2
    aot=false
else
    aot=true
fi

# An absolute path: the cache records the class path it was made for, and the JVM must be started
# with that same path. A cache made for a relative path, used with an absolute one, stopped the JVM
# at start here ("sealing violation" while loading the cached classes; Temurin 25.0.3).
dir=$(realpath -m "$dir")
rm -rf "$dir"
"$java" -Djarmode=tools -jar "$jar" extract --destination "$dir" >/dev/null
echo "Extracted $jar into $dir"
$aot || exit 0

training=$(mktemp -d)
log=$training/training.log
trap 'rm -rf "$training"' EXIT
: >"$log" # exists before the first look for the port
# A throwaway data directory, the built-in database and a free port; demo mode as on any first
# run.
LATERAL_DATA_DIR=$training/data SERVER_PORT=0 \
    env -u SPRING_DATASOURCE_URL "$java" "${opts[@]}" -XX:AOTCacheOutput="$dir/lateral.aot" -jar "$dir/lateral.jar" >"$log" 2>&1 &
pid=$!
port=""
for _ in $(seq 1 600); do
    kill -0 "$pid" 2>/dev/null || { cat "$log" >&2; echo "the training run stopped early" >&2; exit 1; }
    [[ -n $port ]] || port=$(sed -n 's/.*Tomcat started on port \([0-9]*\).*/\1/p' "$log")
    if [[ -n $port ]] && curl -fs "http://127.0.0.1:$port/actuator/health/readiness" | grep -q '"UP"'; then
        break
    fi
    sleep 0.5
done
[[ -n $port ]] || { kill -TERM "$pid"; cat "$log" >&2; echo "the training run did not get ready" >&2; exit 1; }
# The sign-in page: Vaadin's servlet and bootstrap classes load on the first request.
curl -fs -o /dev/null "http://127.0.0.1:$port/login" || true
# A normal stop: Lateral stops its PostgreSQL, the JVM writes the cache as it exits.
kill -TERM "$pid"
wait "$pid" || true
[[ -s $dir/lateral.aot ]] || { cat "$log" >&2; echo "no cache was written" >&2; exit 1; }
echo "Made $dir/lateral.aot ($(du -h "$dir/lateral.aot" | cut -f1)); start Lateral with:"
echo "  java -XX:AOTCache=$dir/lateral.aot -jar $dir/lateral.jar"
