#!/usr/bin/env bash
# Opens the wizard: installs what is missing (Debian 12, as root), builds the jar when the sources
# are newer than it, and starts it. Arguments go to the program (none opens the wizard).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh run
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/java-17-openjdk-amd64}
bash scripts/build.sh
jar=target/harbor-upload-wizard.jar
# JVM options, measured side by side in docs/benchmarks.md ("Launch options"): the serial collector
# and a heap that starts small keep the resident size down (the default collector sizes itself for
# the machine's memory, not for a small desktop program), and the client compiler alone spares the
# cores the server compiler's work, which slows the start and the first visit of every step. The
# heap's limit held the resident size during a push: 192 MiB as the command line's, 447 MiB at the
# push's peak instead of 651 MiB with 512; with gzip's buffers reused, 361 MiB (docs/benchmarks.md,
# "The wizard's memory during a push, again").
launch_options=(-XX:+UseSerialGC -Xms16m -Xmx192m -XX:TieredStopAtLevel=1)
# The command line starts no window, so it takes the server compiler (a push's CPU time: 30 s instead
# of 41 s with the client compiler alone) and 192 MiB of heap, which holds the blocks being
# compressed and keeps a push's resident size under 300 MiB (docs/benchmarks.md, "Memory during a
# push"; chunks are read from the spool as they are sent, not held in the heap). The same as the installed harbor-upload launcher
# (packaging/harbor-upload.properties).
cli_options=(-XX:+UseSerialGC -Xms16m -Xmx192m)
# Class-data sharing for the window: the first start writes an archive of the classes it loaded
# (when it exits), later starts map it instead of loading them again. A rebuilt jar gets a new one.
# Not for the command line: its few classes would make a poor archive for the window.
archive=target/harbor-upload-wizard.jsa
if [ $# -eq 0 ]; then
  if [ -f "$archive" ] && [ "$archive" -nt "$jar" ]; then
    launch_options+=(-XX:SharedArchiveFile="$archive")
  else
    rm -f "$archive"
    launch_options+=(-XX:ArchiveClassesAtExit="$archive")
  fi
  # Writing the archive lists every class it cannot take (picocli's are too old); no one needs that.
  launch_options+=(-Xlog:cds=off -Xlog:cds+dynamic=off)
else
  launch_options=("${cli_options[@]}")
fi
exec "$JAVA_HOME/bin/java" "${launch_options[@]}" -jar "$jar" "$@"
