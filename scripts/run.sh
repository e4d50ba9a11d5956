#!/usr/bin/env bash
# Opens the wizard: installs what is missing (Debian 12, as root), builds the jar when the sources
# are newer than it, and starts it. Arguments go to the program (none opens the wizard).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh run
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/java-17-openjdk-amd64}
jar=target/harbor-upload-wizard.jar
if [ ! -f "$jar" ] || [ -n "$(find pom.xml src -newer "$jar" -print -quit)" ]; then
  mvn -B -DskipTests package >&2
fi
exec "$JAVA_HOME/bin/java" -jar "$jar" "$@"
