#!/usr/bin/env bash
# Runs every test: installs what is missing (Debian 12, as root), starts the project's own Docker
# daemon and registry, runs `mvn verify` (unit, integration and headless UI tests), stops the stack.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh test
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/java-17-openjdk-amd64}
eval "$(bash scripts/stack.sh up)"
trap 'bash scripts/stack.sh stop' EXIT
mvn -B verify "$@"
