#!/usr/bin/env bash
# Builds the wizard's jar when the sources are newer than it.
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/java-17-openjdk-amd64}
jar=target/harbor-upload-wizard.jar
if [ ! -f "$jar" ] || [ -n "$(find pom.xml src -newer "$jar" -print -quit)" ]; then
  mvn -B -DskipTests package >&2
fi
