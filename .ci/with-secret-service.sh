#!/usr/bin/env bash
# Runs a command where the OS keychain works. On Linux without a session bus (CI, SSH, containers)
# it starts a private D-Bus session with an unlocked gnome-keyring, as the keychain tests need a
# real Secret Service; elsewhere it runs the command as is.
set -euo pipefail
if [[ "$(uname -s)" == "Linux" && -z "${DBUS_SESSION_BUS_ADDRESS:-}" ]]; then
  if ! command -v dbus-run-session >/dev/null || ! command -v gnome-keyring-daemon >/dev/null; then
    echo "The keychain tests need a Secret Service: apt-get install gnome-keyring dbus dbus-x11 (see README)." >&2
    exit 1
  fi
  # Keys stored in this private keyring last as long as the command: the app says so.
  export ATELIER_TEMPORARY_KEYCHAIN=1
  exec dbus-run-session -- sh -c 'echo -n x | gnome-keyring-daemon --unlock --components=secrets >/dev/null; exec "$@"' sh "$@"
fi
exec "$@"
