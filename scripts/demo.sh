#!/usr/bin/env bash
# The whole path on one machine: starts the project's local Docker daemon and registry, then opens
# the wizard pointed at them, with its own settings and Docker config (yours are not touched).
# Paste the credential text this prints into the wizard's first step.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh test
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/java-17-openjdk-amd64}
eval "$(bash scripts/stack.sh up)"
demo=$TEST_STACK_DIR/demo
mkdir -p "$demo/app-config" "$demo/docker-config"
[ -f "$demo/app-config/settings.json" ] ||
  printf '{"harborAddress":"%s"}\n' "$TEST_REGISTRY" >"$demo/app-config/settings.json"
export DOCKER_CONFIG=$demo/docker-config HARBOR_UPLOAD_CONFIG_DIR=$demo/app-config
cat <<TEXT
Demo registry: $TEST_REGISTRY (a plain registry standing in for Harbor)
Copy this, as if from the platform's credential dialog, and paste it into the wizard:

用户名: $TEST_REGISTRY_USER
密码: $TEST_REGISTRY_PASSWORD

Images to try: $TEST_IMAGE_FIVE_LAYERS (5 layers, 200 MB), $TEST_IMAGE_TINY.
Stop the stack afterwards with: bash scripts/stack.sh stop
TEXT
exec bash scripts/run.sh "$@"
