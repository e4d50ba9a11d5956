#!/usr/bin/env bash
# Runs every test: installs what is missing (Debian 12, as root), starts the project's own Docker
# daemon and registry, runs `mvn verify` (unit, integration and headless UI tests). A stack this
# script started is stopped at the end; one that was already running is left running.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh test
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/java-17-openjdk-amd64}
if ! bash scripts/stack.sh status >/dev/null 2>&1; then
  trap 'bash scripts/stack.sh stop' EXIT
fi
eval "$(bash scripts/stack.sh up)"
mvn -B verify "$@"
