#!/usr/bin/env bash
# What the test suite needs from the machine, installed when it is missing (`pnpm test` runs this
# first; so does CI, through it):
# - chromium: the browser tests drive Debian's Chromium (playwright cannot download its own here);
#   not needed when CHROMIUM_PATH names another Chromium/Chrome binary;
# - postgresql: the PostgreSQL tests start throwaway servers (initdb + postgres in temp dirs, on
#   loopback) from its binaries; no system-wide cluster is created for them;
# - redis-server: the scale-out tests start throwaway Redis servers the same way;
# - openssl: the https test makes a self-signed certificate with it.
# As root, or with passwordless sudo, they are installed with apt-get. Otherwise this stops at
# once with the exact command to run (exit 1).
set -uo pipefail

missing=()
if [ -n "${CHROMIUM_PATH:-}" ]; then
  [ -x "$CHROMIUM_PATH" ] || {
    echo "CHROMIUM_PATH=$CHROMIUM_PATH is not an executable: point it at Chromium, or unset it"
    exit 1
  }
else
  command -v chromium >/dev/null 2>&1 || missing+=(chromium)
fi
compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || missing+=(postgresql)
[ -x /usr/bin/redis-server ] || missing+=(redis-server)
command -v openssl >/dev/null 2>&1 || missing+=(openssl)

[ ${#missing[@]} -eq 0 ] && exit 0

command_line="sudo apt-get update && sudo apt-get install -y ${missing[*]}"
if ! command -v apt-get >/dev/null 2>&1; then
  echo "The tests need: ${missing[*]}. This machine has no apt-get: install them with its package"
  echo "manager (for Chromium, or set CHROMIUM_PATH to a Chromium/Chrome binary), then run again."
  exit 1
fi
if [ "$(id -u)" = 0 ]; then
  sudo=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  sudo=(sudo)
else
  echo "The tests need: ${missing[*]}. Install them, then run again:"
  echo ""
  echo "  $command_line"
  exit 1
fi

echo "installing ${missing[*]} (apt-get)"
export DEBIAN_FRONTEND=noninteractive
if [[ " ${missing[*]} " == *" postgresql "* ]]; then
  # The tests start their own servers: the package's default cluster would only sit there.
  "${sudo[@]}" mkdir -p /etc/postgresql-common/createcluster.d
  echo 'create_main_cluster = false' |
    "${sudo[@]}" tee /etc/postgresql-common/createcluster.d/accord-tests.conf >/dev/null
fi
if ! { "${sudo[@]}" apt-get update -qq && "${sudo[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null; }; then
  echo "could not install ${missing[*]}; install them, then run again:"
  echo ""
  echo "  $command_line"
  exit 1
fi
