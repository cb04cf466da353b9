#!/usr/bin/env bash
# Builds the DockGateway Debian packages: dockgateway (the dock service and dockctl) and
# dockgateway-cloud (the cloud receiver), self-contained .NET builds for arm64 (Raspberry Pi OS /
# Debian 12 on a Pi 4/5) and amd64. Run from anywhere; needs the .NET SDK and dpkg-deb.
#
#   scripts/build-debs.sh [--arch arm64|amd64|all] [--out DIR] [--compression zstd|xz] [--keep-publish DIR]
#
#   --arch          which architectures (default all: four packages)
#   --out           where the .debs go (default artifacts/debs)
#   --compression   zstd (default: seconds to pack; dpkg reads it since 1.21.18, so Debian 12 and
#                   Raspberry Pi OS bookworm do) or xz (about 30 % smaller, many times slower to pack)
#   --keep-publish  keep the `dotnet publish` outputs under DIR (default: a temporary folder, deleted)
#
# The version is Directory.Build.props' <Version>. The builds are not trimmed: the configuration
# binder, options validation, minimal-API parameter binding, Dapper and System.CommandLine's
# reflection are not trim-safe (a trimmed dock publish gave 27 trim-analysis warnings), and a trimmed
# evidence service that fails at run time is worse than a bigger package. The dock and dockctl share one folder (/usr/lib/dockgateway) and so one runtime:
# every file both publish outputs contain must be identical, or the build stops.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
arches=(arm64 amd64)
out="$repo/artifacts/debs"
keep=""
compression=zstd

while [ $# -gt 0 ]; do
  case "$1" in
    --arch)
      case "${2:-}" in
        arm64|amd64) arches=("$2") ;;
        all) arches=(arm64 amd64) ;;
        *) echo "build-debs.sh: --arch must be arm64, amd64 or all (got '${2:-}')" >&2; exit 2 ;;
      esac
      shift 2 ;;
    --out) out=${2:?--out needs a directory}; shift 2 ;;
    --compression)
      case "${2:-}" in
        zstd|xz) compression=$2 ;;
        *) echo "build-debs.sh: --compression must be zstd or xz (got '${2:-}')" >&2; exit 2 ;;
      esac
      shift 2 ;;
    --keep-publish) keep=${2:?--keep-publish needs a directory}; shift 2 ;;
    -h|--help) sed -n '2,18p' "$0"; exit 0 ;;
    *) echo "build-debs.sh: unknown option '$1' (see --help)" >&2; exit 2 ;;
  esac
done

for tool in dotnet dpkg-deb; do
  command -v "$tool" >/dev/null || { echo "build-debs.sh: $tool is not installed" >&2; exit 1; }
done

version=$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' "$repo/Directory.Build.props" | head -n 1)
[ -n "$version" ] || { echo "build-debs.sh: no <Version> in Directory.Build.props" >&2; exit 1; }

if [ -n "$keep" ]; then
  mkdir -p "$keep"
  work=$(cd "$keep" && pwd)
else
  work=$(mktemp -d /tmp/dockgateway-debs.XXXXXX)
  trap 'rm -rf "$work"' EXIT
fi
mkdir -p "$out"
out=$(cd "$out" && pwd)

# Publishes one project self-contained for one runtime identifier into DIR (no symbol files).
publish() {
  local project=$1 rid=$2 dir=$3
  rm -rf "$dir"
  dotnet publish "$repo/$project" -c Release -r "$rid" --self-contained true \
    -p:DebugType=none -p:DebugSymbols=false -p:GenerateDocumentationFile=false \
    --verbosity quiet --nologo -o "$dir" >&2
}

# Copies SRC's files into DEST; a file DEST already has must be byte-identical.
merge() {
  local src=$1 dest=$2 file
  (cd "$src" && find . -type f) | while read -r file; do
    if [ -e "$dest/$file" ]; then
      cmp -s "$src/$file" "$dest/$file" || { echo "build-debs.sh: $file differs between the dock and dockctl builds" >&2; exit 1; }
    else
      mkdir -p "$(dirname "$dest/$file")"
      cp -p "$src/$file" "$dest/$file"
    fi
  done
}

# The Depends a self-contained .NET program needs on Debian 12: libc, libgcc, libstdc++, zlib and
# OpenSSL 3 (loaded at run time for TLS and hashing), plus ICU unless the build is in invariant
# globalization mode (then ICU is never loaded; read from the build's own runtimeconfig.json).
runtime_depends() {
  local runtimeconfig=$1 depends="libc6 (>= 2.36), libgcc-s1, libstdc++6, zlib1g, libssl3"
  if ! grep -q '"System.Globalization.Invariant": true' "$runtimeconfig"; then
    depends="$depends, libicu72 | libicu76"
  fi
  echo "$depends"
}

# Writes DEBIAN/ of package PKG into ROOT from deploy/debian/PKG and builds the .deb.
package() {
  local pkg=$1 arch=$2 root=$3 depends=$4 size
  install -d -m 0755 "$root/DEBIAN"
  for script in postinst prerm postrm; do
    install -m 0755 "$repo/deploy/debian/$pkg/$script" "$root/DEBIAN/$script"
  done
  install -m 0644 "$repo/deploy/debian/$pkg/conffiles" "$root/DEBIAN/conffiles"
  size=$(du -sk --exclude=DEBIAN "$root" | cut -f1)
  sed -e "s/@VERSION@/$version/" -e "s/@ARCH@/$arch/" -e "s/@INSTALLED_SIZE@/$size/" \
    -e "s/@RUNTIME_DEPENDS@/$depends/" "$repo/deploy/debian/$pkg/control" > "$root/DEBIAN/control"
  chmod 0644 "$root/DEBIAN/control"
  dpkg-deb --root-owner-group -Z"$compression" --build "$root" "$out/${pkg}_${version}_${arch}.deb" >/dev/null
}

docs() {
  local root=$1 pkg=$2
  shift 2
  install -d -m 0755 "$root/usr/share/doc/$pkg"
  for doc in "$@"; do install -m 0644 "$doc" "$root/usr/share/doc/$pkg/"; done
}

umask 022
for arch in "${arches[@]}"; do
  case "$arch" in arm64) rid=linux-arm64 ;; amd64) rid=linux-x64 ;; esac
  pub="$work/publish/$rid"

  echo "== $arch: dotnet publish ($rid, self-contained, untrimmed)" >&2
  publish device/DockGateway.Device "$rid" "$pub/device"
  publish provisioning/DockGateway.Provisioning "$rid" "$pub/dockctl"
  publish cloud/DockGateway.Cloud "$rid" "$pub/cloud"

  # dockgateway: the dock and dockctl in /usr/lib/dockgateway, one runtime.
  root="$work/root/dockgateway_$arch"
  rm -rf "$root"
  install -d -m 0755 "$root/usr/lib/dockgateway" "$root/usr/bin" "$root/lib/systemd/system"
  merge "$pub/device" "$root/usr/lib/dockgateway"
  merge "$pub/dockctl" "$root/usr/lib/dockgateway"
  ln -s ../lib/dockgateway/dockctl "$root/usr/bin/dockctl"
  install -m 0644 "$repo/deploy/dockgateway.service" "$root/lib/systemd/system/dockgateway.service"
  install -d -m 0700 "$root/etc/dockgateway"
  install -m 0600 "$repo/deploy/dockgateway.example.json" "$root/etc/dockgateway/dockgateway.json"
  docs "$root" dockgateway "$repo/README.md" "$repo/deploy/README-wiring.md"
  package dockgateway "$arch" "$root" "$(runtime_depends "$root/usr/lib/dockgateway/DockGateway.Device.runtimeconfig.json")"

  # dockgateway-cloud: the cloud in /usr/lib/dockgateway-cloud.
  root="$work/root/dockgateway-cloud_$arch"
  rm -rf "$root"
  install -d -m 0755 "$root/usr/lib/dockgateway-cloud" "$root/lib/systemd/system"
  merge "$pub/cloud" "$root/usr/lib/dockgateway-cloud"
  install -m 0644 "$repo/deploy/dockgateway-cloud.service" "$root/lib/systemd/system/dockgateway-cloud.service"
  install -d -m 0750 "$root/etc/dockgateway-cloud"
  install -m 0640 "$repo/deploy/dockgateway-cloud.json" "$root/etc/dockgateway-cloud/appsettings.json"
  docs "$root" dockgateway-cloud "$repo/README.md"
  package dockgateway-cloud "$arch" "$root" "$(runtime_depends "$root/usr/lib/dockgateway-cloud/DockGateway.Cloud.runtimeconfig.json")"

  for dir in device dockctl cloud; do
    echo "self-contained $rid $dir: $(du -sh "$pub/$dir" | cut -f1)" >&2
  done
  echo "installed /usr/lib/dockgateway ($arch, dock + dockctl): $(du -sh "$work/root/dockgateway_$arch/usr/lib/dockgateway" | cut -f1)" >&2
done

for deb in "$out"/*_"$version"_*.deb; do
  echo "$(du -h "$deb" | cut -f1)	$deb"
done
