#!/usr/bin/env bash
# Installs the built .deb on this machine (Debian 12, as root), checks it the way a user meets it, and
# removes it again:
#   apt-get install ./target/installer/*.deb   dependencies resolved by apt
#   menu entry                                 /usr/share/applications/…desktop, validated
#   harbor-upload --help, --version            on PATH; the help without and with a display, no window
#   the window                                 opened from the menu entry's Exec under Xvfb;
#                                              screenshot to docs/screenshots/installed-app.png
#   apt-get purge                              nothing left in /opt, /usr/bin or the menu
# Build the .deb first: mvn -Pinstaller -DskipTests package. Needs (Debian) xvfb, xdotool, imagemagick,
# x11-utils, and desktop-file-utils to validate the entry (skipped without it).
set -euo pipefail
cd "$(dirname "$0")/.."
deb=$(ls target/installer/harbor-upload-wizard_*.deb)
app=/opt/harbor-upload-wizard
entry=/usr/share/applications/harbor-upload-wizard.desktop

step() { echo; echo "== $*"; }
check() { if eval "$1"; then echo "ok: $2"; else echo "FAILED: $2" >&2; exit 1; fi; }

step "install $deb"
echo "installer size: $(stat -c %s "$deb") bytes"
DEBIAN_FRONTEND=noninteractive apt-get install -y -q "./$deb" | grep -E '^(The following NEW|  |Setting up)' || true
echo "installed size: $(dpkg-query -W -f='${Installed-Size}' harbor-upload-wizard) KiB (dpkg), $(du -sk "$app" | cut -f1) KiB (du $app)"

step "files and menu entry"
check "[ -x $app/bin/harbor-upload-wizard ] && [ -x $app/bin/harbor-upload ]" "both launchers in $app/bin"
check "[ \"\$(readlink /usr/bin/harbor-upload)\" = $app/bin/harbor-upload ]" "/usr/bin/harbor-upload -> $app/bin/harbor-upload"
check "[ -f $entry ]" "menu entry $entry"
grep -E '^(Name|Comment|Exec|Icon|Categories|StartupWMClass)' "$entry"
if command -v desktop-file-validate >/dev/null; then
  check "desktop-file-validate $entry" "desktop-file-validate"
fi
check "[ \$(ls /usr/share/applications | grep -c harbor-upload) = 1 ]" "one menu entry (none for the command line)"

step "harbor-upload --help without a display"
set +e
env -u DISPLAY harbor-upload --help 2>&1 | head -3
echo "exit code: ${PIPESTATUS[0]}"
set -e

step "under Xvfb"
displayfile=$(mktemp)
Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$displayfile" >/dev/null 2>&1 &
xvfb=$!
trap 'kill "$xvfb" 2>/dev/null || true; rm -f "$displayfile"' EXIT
for _ in $(seq 100); do [ -s "$displayfile" ] && break; sleep 0.05; done
export DISPLAY=:$(cat "$displayfile")

# With a display too, harbor-upload is the command line: it prints its help and opens no window.
check "timeout 60 harbor-upload --help | grep -q '^Usage: harbor-upload'" "harbor-upload --help prints the command line's help under a display"
check "! xdotool search --onlyvisible --name 'Harbor Upload' >/dev/null 2>&1" "and opens no window"
check "[ \"\$(harbor-upload --version)\" = \"harbor-upload \$(dpkg-query -W -f='\${Version}' harbor-upload-wizard | cut -d- -f1)\" ]" \
  "harbor-upload --version names the installed package's version"

# The menu entry's command, as a desktop would run it.
exec_line=$(sed -n 's/^Exec=//p' "$entry")
$exec_line >/dev/null 2>&1 &
gui=$!
window=$(timeout 30 xdotool search --sync --onlyvisible --name "Harbor Upload" | head -1)
sleep 1
echo "WM_CLASS: $(xprop -id "$window" WM_CLASS 2>/dev/null || echo '(xprop missing)')"
mkdir -p docs/screenshots
/usr/bin/import -window "$window" docs/screenshots/installed-app.png
echo "screenshot: docs/screenshots/installed-app.png ($(/usr/bin/identify -format '%wx%h' docs/screenshots/installed-app.png))"
kill "$gui"; wait "$gui" 2>/dev/null || true

step "purge"
DEBIAN_FRONTEND=noninteractive apt-get purge -y -q harbor-upload-wizard | tail -2
check "[ ! -e $app ]" "$app is gone"
check "[ ! -e /usr/bin/harbor-upload ] && [ ! -L /usr/bin/harbor-upload ]" "/usr/bin/harbor-upload is gone"
check "[ ! -e $entry ]" "the menu entry is gone"
check "! dpkg -s harbor-upload-wizard >/dev/null 2>&1" "dpkg knows the package no more"
