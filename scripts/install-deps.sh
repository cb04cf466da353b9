#!/usr/bin/env bash
# Installs the Debian packages DockGateway needs to build, run and test on one machine.
# Safe to run again: it only installs what is missing. Needs root (or sudo).
set -euo pipefail

packages=(
  mosquitto            # the broker the demo and tests start on 127.0.0.1
  mosquitto-clients    # mosquitto_sub / mosquitto_pub, used by the demo and tests
  haproxy              # the load balancer in front of two cloud instances in the swarm test (not started as a service)
  libgpiod2            # libgpiod 1.6: System.Device.Gpio's LibGpiodDriver loads it at run time
  libusb-1.0-0         # vendor handshakes with recorders that need one
  postgresql           # the cloud's scale-out store, tested for real
  fuse3 fusefat exfat-fuse   # mounting recorder volumes without kernel drivers
  dosfstools exfatprogs mtools  # making FAT32/exFAT recorder images in tests
  e2fsprogs            # an ext4 image as dock storage in the verify-from-disk test
  openssl              # cross-checks Ed25519 signatures in tests
  chromium             # headless browser tests of the cloud web console (Playwright drives it)
  fonts-wqy-microhei   # a CJK font so the console's Chinese labels render in headless screenshots
  strace               # the syscall-order test: fsync, rename, directory fsync before an upload receipt
  sqlite3 python3 curl ca-certificates
  adduser              # the dockgateway-cloud package's postinst creates its system user (packaging tests)
  qemu-user-static     # runs the arm64 (Raspberry Pi) package's programs here: qemu-aarch64-static
  # The arm64 libraries a self-contained arm64 .NET program loads (multiarch, so qemu finds them where the
  # program's loader looks): C library, libgcc/libstdc++ (the runtime), zlib, OpenSSL 3. No ICU: the builds use
  # invariant globalization. libsodium and SQLite ship inside the package (NSec's and SQLitePCLRaw's arm64 builds).
  libc6:arm64 libgcc-s1:arm64 libstdc++6:arm64 zlib1g:arm64 libssl3:arm64
)

# The arm64 packages above need the architecture known to dpkg before apt-get update.
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
if ! dpkg --print-foreign-architectures | grep -qx arm64; then
  $SUDO dpkg --add-architecture arm64
fi

# Node.js and npm run the pinned reference tus client and the OpenAPI linter (npm ci in test.sh). Debian's
# packages only when none is installed: a machine may already carry a newer Node.js (e.g. nodesource's).
if ! command -v npm >/dev/null 2>&1; then
  packages+=(nodejs npm)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing: ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if ! command -v dotnet >/dev/null 2>&1; then
  echo "The .NET 10 SDK is required (https://learn.microsoft.com/dotnet/core/install/linux-debian)." >&2
  exit 1
fi
