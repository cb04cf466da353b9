#!/usr/bin/env bash
# Installs the DockGateway dock on Raspberry Pi OS / Debian 12 (arm64): runtime packages, a
# framework-dependent linux-arm64 build, configuration in /etc/dockgateway, state in
# /var/lib/dockgateway (0700, keys 0600) and the hardened systemd unit, then enables and starts it.
#
#   sudo deploy/install-pi.sh [--build DIR] [--prefix DIR] [--dry-run] [--no-start]
#
#   --build DIR  an existing `dotnet publish` output to install instead of building here
#   --prefix DIR install under DIR instead of / (for tests and image builds); implies --no-start
#   --dry-run    print every step, change nothing
#   --no-start   install and enable, but do not start (e.g. before `dockctl slots learn`)
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
prefix=""
build=""
dry=0
start=1

while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) prefix=${2:?--prefix needs a directory}; start=0; shift 2 ;;
    --build) build=${2:?--build needs a directory}; shift 2 ;;
    --dry-run) dry=1; shift ;;
    --no-start) start=0; shift ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) echo "install-pi.sh: unknown option '$1' (see --help)" >&2; exit 2 ;;
  esac
done

run() {
  echo "+ $*"
  if [ "$dry" -eq 0 ]; then "$@"; fi
}

if [ -z "$prefix" ] && [ "$dry" -eq 0 ] && [ "$(id -u)" -ne 0 ]; then
  echo "install-pi.sh: run as root (sudo), or use --prefix/--dry-run" >&2
  exit 1
fi

# System.Device.Gpio loads libgpiod at run time and does not ship it: libgpiod3 (2.x, Debian 13) where
# the distribution has it, else libgpiod2 (1.6, Debian 12).
libgpiod=libgpiod2
if command -v apt-cache >/dev/null 2>&1 && apt-cache show libgpiod3 >/dev/null 2>&1; then libgpiod=libgpiod3; fi

packages=(
  "$libgpiod" libusb-1.0-0                           # native libraries the dock loads (libsodium ships with NSec; MQTT is MQTTnet)
  fuse3 fusefat exfat-fuse util-linux                  # mounting recorder volumes (FUSE fallback, losetup)
  dotnet-runtime-10.0                                  # the .NET 10 runtime (Microsoft's Debian feed)
)
opt="$prefix/opt/dockgateway"
etc="$prefix/etc/dockgateway"
state="$prefix/var/lib/dockgateway"
unitdir="$prefix/etc/systemd/system"

# 1. Runtime packages (skipped under --prefix: the target's package manager is not ours to drive).
if [ -z "$prefix" ]; then
  run apt-get update -qq
  run env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${packages[@]}"
else
  echo "# --prefix: not installing packages: ${packages[*]}"
fi

# 2. The framework-dependent linux-arm64 build (the Pi runs it with `dotnet`; no apphost needed).
if [ -z "$build" ]; then
  build=$(mktemp -d /tmp/dockgateway-publish.XXXXXX)
  run dotnet publish "$repo/device/DockGateway.Device/DockGateway.Device.csproj" -c Release \
    -r linux-arm64 --self-contained false -p:UseAppHost=false -o "$build/device"
  run dotnet publish "$repo/provisioning/DockGateway.Provisioning/DockGateway.Provisioning.csproj" -c Release \
    -r linux-arm64 --self-contained false -p:UseAppHost=false -o "$build/dockctl"
fi
run install -d -m 0755 "$opt"
run cp -a "$build/." "$opt/"
run install -d -m 0755 "$prefix/usr/local/bin"
if [ "$dry" -eq 0 ]; then
  printf '#!/bin/sh\nexec /usr/bin/dotnet /opt/dockgateway/dockctl/dockctl.dll "$@"\n' > "$prefix/usr/local/bin/dockctl"
  chmod 0755 "$prefix/usr/local/bin/dockctl"
else
  echo "+ write $prefix/usr/local/bin/dockctl (runs dotnet /opt/dockgateway/dockctl/dockctl.dll)"
fi

# 3. Configuration (never overwritten) and state: root only, keys 0600.
run install -d -m 0700 "$etc" "$state" "$state/keys"
if [ -e "$etc/dockgateway.json" ]; then
  echo "# keeping existing $etc/dockgateway.json"
else
  run install -m 0600 "$here/dockgateway.example.json" "$etc/dockgateway.json"
fi
[ -e "$etc/registered-serials.txt" ] || run install -m 0600 /dev/null "$etc/registered-serials.txt"
if [ "$dry" -eq 0 ]; then
  find "$state/keys" -type f -exec chmod 0600 {} +
fi

# 4. The unit. The service runs as root with only CAP_SYS_ADMIN (see the comments in the unit):
# no separate service user is created because mounting needs CAP_SYS_ADMIN either way.
run install -d -m 0755 "$unitdir"
run install -m 0644 "$here/dockgateway.service" "$unitdir/dockgateway.service"

if [ -z "$prefix" ]; then
  run systemctl daemon-reload
  run systemctl enable dockgateway.service
  if [ "$start" -eq 1 ]; then
    run systemctl restart dockgateway.service
    echo "Started. Follow it with: journalctl -u dockgateway -f ; check it with: dockctl doctor"
  fi
fi
echo "DockGateway installed${prefix:+ under $prefix}."
