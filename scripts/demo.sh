#!/usr/bin/env bash
# The whole path on one machine: starts the project's local Docker daemon and registry (behind a
# Harbor look-alike), a local stand-in for the GPU platform, and the wizard pointed at them, with
# its own settings and Docker config (yours are not touched).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh test
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/java-17-openjdk-amd64}
eval "$(bash scripts/stack.sh up)"
demo=$TEST_STACK_DIR/demo
mkdir -p "$demo/app-config" "$demo/docker-config"
# Written once, so what the wizard remembers (language, window size, last image) can be tried across
# starts; DEMO_FRESH=1 starts over as a new user would.
settings=$demo/app-config/settings.json
if [ "${DEMO_FRESH:-0}" = 1 ] || [ ! -f "$settings" ]; then
  printf '{"harborAddress":"%s","platformAddress":"http://127.0.0.1:%s"}\n' "$TEST_HARBOR" "$TEST_HARBOR_API_PORT" >"$settings"
fi

# Everything is built before the text below is printed, so Maven's output cannot scroll it away.
# The platform stand-in lives with the tests; it serves the platform's API and Harbor's.
mvn -B -q -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
bash scripts/build.sh
"$JAVA_HOME/bin/java" -cp "target/classes:target/test-classes:$(cat target/test-classpath.txt)" \
  io.github.harborupload.platformserver.FakePlatform "$TEST_HARBOR_API_PORT" demo demo-password CURRENT \
  >"$demo/platform.log" 2>&1 &
platform=$!
trap 'kill $platform 2>/dev/null || true' EXIT

export DOCKER_CONFIG=$demo/docker-config HARBOR_UPLOAD_CONFIG_DIR=$demo/app-config
cat <<TEXT
Harbor (a local registry with Harbor's API): $TEST_HARBOR
Platform stand-in: http://127.0.0.1:$TEST_HARBOR_API_PORT — account demo / demo-password
  In the wizard: "Sign in to the platform to get them…", then Reset: the credentials arrive by themselves.
Or paste this, as if copied from the platform's credential dialog:

用户名: $TEST_REGISTRY_USER
密码: $TEST_REGISTRY_PASSWORD

Images to try: $TEST_IMAGE_FIVE_LAYERS (5 layers, 200 MB), $TEST_IMAGE_TINY.
Stop the daemon and registry afterwards with: bash scripts/stack.sh stop
Settings are kept in $settings between starts (DEMO_FRESH=1 bash scripts/demo.sh starts over).
TEXT
bash scripts/run.sh "$@"
