#!/usr/bin/env bash
# The two-node check of issue 18 (DD030, src/docs/deployment.md): one PostgreSQL, two Lateral nodes
# (target/lateral.jar, demo mode, started together on the same empty database), nginx in front of
# them with sticky sessions, all on loopback. The load driver marks through nginx, node A is killed
# with SIGKILL in the middle of the run, and the check fails unless no acknowledged mark was lost,
# the sign-in throttle counted across both nodes and every student carried on after signing in
# again. Not part of ./mvnw verify: it takes a few minutes and needs nginx.
#
#   .ci/two-nodes.sh [--students=100] [--rate=40] [--duration=45] [--kill-after=15] [--seed=1]
#
# Installs nginx (Debian package) when missing. Builds target/lateral.jar and the test classes when
# missing; after changing the code, run ./mvnw -o package -DskipTests first. Works in
# target/two-nodes/<run>/ (nginx's configuration and logs, the nodes' logs); the database is
# deleted at the end. Exit status 0 only when every check passed.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v nginx >/dev/null 2>&1 && [[ ! -x /usr/sbin/nginx ]]; then
    echo "Installing nginx (Debian package)…"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx >/dev/null
fi
nginx=$(command -v nginx || echo /usr/sbin/nginx)

# A JDK 25 when there is one (the jar runs on the JVM that runs the check), else the one on PATH.
for jdk in /usr/lib/jvm/temurin-25-jdk-amd64 "${JAVA_HOME:-}"; do
    if [[ -n $jdk && -x $jdk/bin/java ]]; then
        export JAVA_HOME=$jdk PATH=$jdk/bin:$PATH
        break
    fi
done

if [[ ! -f target/lateral.jar || ! -d target/test-classes/org/lateral/load ]]; then
    echo "Building target/lateral.jar and the test classes…"
    ./mvnw -o -q package -DskipTests
fi
if [[ ! -f target/test-classpath.txt || pom.xml -nt target/test-classpath.txt ]]; then
    ./mvnw -o -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt
fi

exec java -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" \
    org.lateral.load.TwoNodeCheck --nginx="$nginx" "$@"
