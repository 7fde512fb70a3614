#!/usr/bin/env bash
# The real window on a real X server (Xvfb): swivel-emu shows the skin and the booted
# launcher. It plays a short script in the window (expectations on the launcher and the
# skin's carrier, then `screenshot`), and once it says the script passed, the X root window
# is dumped with xwd and checked by swivel-window-check: every body pixel outside the screen
# equals the skin's PNG, and the screen equals the screenshot the emulator wrote, exactly.
# Then swivel-emu gets SIGTERM, which closes the window cleanly: it must exit 0 (the script
# passed) with nothing reported by the sanitizers.
#
# usage: window_xvfb_test.sh EMU CHECK SKIN WORK SCALE [EXPECTED_SCREEN]
#   SKIN: a skin.conf for `swivel-window-check make-skin`, or a skin folder to use as it is.
#   EXPECTED_SCREEN: a PNG the screen must equal as well (a golden screenshot of the freshly
#   booted launcher), so a window showing a blank or wrong screen cannot pass.
# No sleeps: Xvfb tells its display number through -displayfd, and the emulator's output is
# read line by line until the line waited for appears (or the time limit passes).
set -euo pipefail
emu=$1 check=$2 skin_src=$3 work=$4 scale=$5 expected=${6:-}
limit=300  # seconds for each wait; generous for sanitizer builds on a busy machine

fail() { echo "FAIL: $*" >&2; for f in emu.err xvfb.log; do [ -s "$work/$f" ] && { echo "--- $f" >&2; cat "$work/$f" >&2; }; done; exit 1; }

rm -rf "$work"
mkdir -p "$work"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

if [ -d "$skin_src" ]; then
  skin="$skin_src"
else
  skin="$work/skin"
  "$check" make-skin "$skin_src" "$skin"
fi
carrier=$(sed -n 's/^carrier *= *//p' "$skin/skin.conf" | sed 's/ *#.*//')

# Xvfb on the first free display; 24-bit TrueColor so xwd's pixels are the window's.
mkfifo "$work/displayfd"
Xvfb -displayfd 3 -screen 0 1280x1024x24 -nolisten tcp 3>"$work/displayfd" 2>"$work/xvfb.log" &
pids+=($!)
exec {xfd}<"$work/displayfd"
read -r -t "$limit" -u "$xfd" display || fail "Xvfb did not say its display number"
export DISPLAY=":$display"
# Nor is there a D-Bus session here. Unset, libdbus (which SDL asks for screensaver and
# input-method services) tries to autolaunch one through X and leaks 1 KiB on that failed
# path, which LeakSanitizer reports; a bus address where there is none fails plainly.
export DBUS_SESSION_BUS_ADDRESS="unix:path=$work/no-session-bus"

cat >"$work/show.swv" <<SCRIPT
# The launcher is in front after the boot, under the skin's carrier.
expect text "Contacts"
expect focus launcher.contacts
expect text "$carrier"
screenshot $work/screen.png
SCRIPT

mkfifo "$work/emu.out"
(cd "$work" && exec "$emu" --skin "$skin" --flash "$work/flash.img" --scale "$scale" \
   --script "$work/show.swv") >"$work/emu.out" 2>"$work/emu.err" &
emu_pid=$!
pids+=($emu_pid)
exec {efd}<"$work/emu.out"

# Reads the emulator's output until a line starts with $1; fails on $2 or at the limit.
wait_for() {
  local line deadline=$((SECONDS + limit))
  while [ $SECONDS -lt $deadline ]; do
    read -r -t $((deadline - SECONDS)) -u "$efd" line || fail "swivel-emu ended or went quiet before '$1'"
    echo "swivel-emu: ${line#swivel-emu: }"
    case "$line" in "$1"*) return 0 ;; "$2"*) fail "swivel-emu said: $line" ;; esac
  done
  fail "no '$1' within ${limit}s"
}
wait_for "swivel-emu: ready" "swivel-emu: script failed"
wait_for "swivel-emu: script passed" "swivel-emu: script failed"

xwd -root -silent -out "$work/root.xwd" || fail "xwd could not dump the X screen"
"$check" compare "$work/root.xwd" "$skin" "$work/screen.png" "$scale" || fail "the window does not show the skin and the screen"
if [ -n "$expected" ]; then
  "$check" compare "$work/root.xwd" "$skin" "$expected" "$scale" ||
    fail "the window's screen is not the golden launcher $expected"
fi
# The check itself can fail: the same dump against a white screen must not pass.
if [ -f "$skin/wrong_screen.png" ] &&
   "$check" compare "$work/root.xwd" "$skin" "$skin/wrong_screen.png" "$scale" >/dev/null 2>&1; then
  fail "the check passed a screen the window does not show"
fi

# SIGTERM closes the window like its close button: exit status as headless (0: passed).
kill -TERM "$emu_pid"
status=0
wait "$emu_pid" || status=$?
[ "$status" -eq 0 ] || fail "swivel-emu exited $status after SIGTERM"
echo "window test passed"
