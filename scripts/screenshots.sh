#!/usr/bin/env bash
# Takes the README's screenshots from the running wizard: a real window under Xvfb, driven through
# every step against the local stack, photographed with ImageMagick. Writes docs/screenshots/.
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/java-17-openjdk-amd64}
bash scripts/setup.sh test
for p in xvfb xauth imagemagick openbox; do dpkg -s $p >/dev/null 2>&1 || apt-get install -y -q --no-install-recommends $p >&2; done
eval "$(bash scripts/stack.sh up)"
mvn -B -q -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
classpath="target/classes:target/test-classes:$(cat target/test-classpath.txt)"
display=:97
Xvfb $display -screen 0 980x720x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
# A second screen, larger, with a window manager (Openbox) as on a desktop: the window with its frame.
wm_display=:98
Xvfb $wm_display -screen 0 1280x1024x24 -nolisten tcp >/dev/null 2>&1 &
wm_xvfb=$!
trap 'kill $xvfb $wm_xvfb 2>/dev/null || true' EXIT
sleep 1
DISPLAY=$wm_display openbox >/dev/null 2>&1 &
# The whole path, then a push paused on its step with the next start's offer to resume it, and the
# list of earlier uploads (tours of their own, each from a fresh window).
for language in ${LANGUAGES:-en zh}; do
  for part in path pause history; do
    DISPLAY=$display "$JAVA_HOME/bin/java" -cp "$classpath" -Dtestfx.robot=glass -Dtestfx.headless=false \
      -Dprism.order=sw io.github.harborupload.ui.ScreenshotTour docs/screenshots "$language" \
      $([ $part != path ] && echo $part)
  done
done
# The list of earlier uploads in the dark theme too (ScreenshotTour names those pictures dark-…).
for language in ${LANGUAGES:-en zh}; do
  DISPLAY=$display HARBOR_UPLOAD_THEME=dark "$JAVA_HOME/bin/java" -cp "$classpath" -Dtestfx.robot=glass \
    -Dtestfx.headless=false -Dprism.order=sw io.github.harborupload.ui.ScreenshotTour docs/screenshots "$language" history
done
# Under Openbox: the smallest window, a stopped push and its question, the offer to remove the local tag.
for language in ${LANGUAGES:-en zh}; do
  DISPLAY=$wm_display "$JAVA_HOME/bin/java" -cp "$classpath" -Dtestfx.robot=glass -Dtestfx.headless=false \
    -Dprism.order=sw io.github.harborupload.ui.ScreenshotTour docs/screenshots "$language" stop
done
