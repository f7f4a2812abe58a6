# shellcheck shell=bash
# shellcheck disable=SC2034 # the variables are used by the scripts sourcing this
# Shared by scripts/setup-host and scripts/stop-host: where the host state
# lives and small helpers. Sourced, never executed.

# The cache persists across fresh clones on one machine on purpose: the base
# image rootfs, the registry storage and the daemon logs live here.
DIGESTLINE_CACHE=${DIGESTLINE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/digestline}
REGISTRY_PORT=${DIGESTLINE_REGISTRY_PORT:-5000}
if [[ ! $REGISTRY_PORT =~ ^[0-9]+$ ]] || ((REGISTRY_PORT < 1 || REGISTRY_PORT > 65535)); then
  printf '%s: DIGESTLINE_REGISTRY_PORT must be a TCP port (1-65535), got %q\n' \
    "${0##*/}" "$REGISTRY_PORT" >&2
  exit 2
fi
REGISTRY=127.0.0.1:$REGISTRY_PORT
# One directory per port so that two registries on one machine never share storage.
REGISTRY_DIR=$DIGESTLINE_CACHE/registry/$REGISTRY_PORT
REGISTRY_PIDFILE=$REGISTRY_DIR/registry.pid
DOCKER_DIR=$DIGESTLINE_CACHE/docker
DOCKERD_PIDFILE=$DOCKER_DIR/dockerd.pid

log() { printf '%s: %s\n' "${0##*/}" "$*" >&2; }
die() {
  log "error: $*"
  exit 1
}

# pid_of_ours PIDFILE NAME: print the pid recorded in PIDFILE if that process
# is alive and really is NAME (a stale pid file may point at a recycled pid).
pid_of_ours() {
  local pidfile=$1 name=$2 pid
  [[ -s $pidfile ]] || return 1
  pid=$(<"$pidfile")
  [[ $pid =~ ^[0-9]+$ ]] || return 1
  [[ -r /proc/$pid/cmdline ]] || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q -- "$name" || return 1
  printf '%s\n' "$pid"
}
