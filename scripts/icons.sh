#!/usr/bin/env bash
# Renders the app icon from its one drawing, icons/harbor-upload.svg, into every size the operating
# systems and the window want. The results are committed, so the build never needs these tools:
#   icons/png/harbor-upload-<N>.png   N = 16 … 1024 (Linux menu and package, README)
#   icons/harbor-upload.ico           Windows launcher and installer (16 … 256; 256 kept as PNG)
#   icons/harbor-upload.icns          macOS bundle (16 … 1024)
#   src/main/resources/io/github/harborupload/ui/icons/icon-<N>.png   the window's icons (AppIcons)
# Tools (Debian 12): rsvg-convert (librsvg2-bin), icotool (icoutils), png2icns (icnsutils).
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
for tool in rsvg-convert:librsvg2-bin icotool:icoutils png2icns:icnsutils; do
  command -v "${tool%%:*}" >/dev/null || missing+=("${tool#*:}")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "missing tools; install them with: apt-get install --no-install-recommends ${missing[*]}" >&2
  exit 1
fi

svg=icons/harbor-upload.svg
png=icons/png
window=src/main/resources/io/github/harborupload/ui/icons
mkdir -p "$png" "$window"

for n in 16 24 32 48 64 128 256 512 1024; do
  rsvg-convert --width "$n" --height "$n" "$svg" --output "$png/harbor-upload-$n.png"
done

icotool --create --output icons/harbor-upload.ico \
  "$png"/harbor-upload-{16,24,32,48,64,128}.png --raw="$png/harbor-upload-256.png"

# png2icns picks the icns slot from each PNG's size; 24 and 64 have no slot.
png2icns icons/harbor-upload.icns "$png"/harbor-upload-{16,32,48,128,256,512,1024}.png >/dev/null

# The window asks for the sizes a title bar, task bar and task switcher use.
for n in 16 24 32 48 64 128 256; do
  cp "$png/harbor-upload-$n.png" "$window/icon-$n.png"
done
echo "icons written from $svg" >&2
