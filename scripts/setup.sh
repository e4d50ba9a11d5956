#!/usr/bin/env bash
# Installs the Debian packages a purpose needs, and only those that are missing.
#   scripts/setup.sh run    JDK, Maven, GTK and fonts to open the wizard
#   scripts/setup.sh test   the above, plus the Docker daemon, registry and proxy for the tests
set -euo pipefail
RUN="openjdk-17-jdk maven libgtk-3-0 libxtst6 libxxf86vm1 libgl1 fontconfig fonts-dejavu-core fonts-noto-cjk fonts-wqy-microhei"
TEST="$RUN docker.io docker-registry apache2-utils busybox-static nginx-light curl binutils fakeroot e2fsprogs xvfb openbox"
case "${1:-}" in
  run) wanted=$RUN ;;
  test) wanted=$TEST ;;
  *) echo "usage: $0 run|test" >&2; exit 2 ;;
esac
missing=()
for p in $wanted; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
  echo "missing Debian packages: ${missing[*]}; install them as root (or run this as root)" >&2
  exit 1
fi
echo "installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -q >&2
apt-get install -y -q --no-install-recommends "${missing[@]}" >&2
