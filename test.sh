#!/usr/bin/env bash
# Runs every DockGateway test on this machine: installs what is missing, starts a private
# PostgreSQL on 127.0.0.1 (tests start their own mosquitto brokers), runs the suite, and
# ends by printing the totals as "N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")"

scripts/install-deps.sh || exit 1

work=$(mktemp -d /tmp/dockgw-test.XXXXXX)
chmod 755 "$work"
cleanup() { scripts/postgres.sh stop "$work/pg"; rm -rf "$work"; }
trap cleanup EXIT

if DOCKGW_TEST_POSTGRES=$(scripts/postgres.sh start "$work/pg"); then
  export DOCKGW_TEST_POSTGRES
else
  echo "warning: PostgreSQL did not start; PostgreSQL tests will be skipped" >&2
fi

dotnet restore DockGateway.sln --verbosity quiet || exit 1

# The reference tus client (tus-js-client, pinned by package-lock.json) for the upload interop test.
tusjs=tests/DockGateway.Cloud.Tests/Uploads/TusJs
if [ -f "$tusjs/package-lock.json" ] && command -v npm >/dev/null 2>&1; then
  npm ci --prefix "$tusjs" --no-audit --no-fund --loglevel=error >/dev/null \
    || echo "warning: npm ci for tus-js-client failed; its interop test will be skipped" >&2
fi
# The OpenAPI linter (@redocly/cli, pinned by package-lock.json) for the /openapi/v1.json lint test.
lint=tests/DockGateway.Cloud.Tests/ApiReference/Lint
if [ -f "$lint/package-lock.json" ] && command -v npm >/dev/null 2>&1; then
  npm ci --prefix "$lint" --no-audit --no-fund --loglevel=error >/dev/null \
    || echo "warning: npm ci for @redocly/cli failed; the OpenAPI lint test will be skipped" >&2
fi
# The local S3-compatible server (s3rver, pinned by package-lock.json) for the S3 footage-store tests.
s3rver=tests/DockGateway.Cloud.Tests/Blobs/S3rver
if [ -f "$s3rver/package-lock.json" ] && command -v npm >/dev/null 2>&1; then
  npm ci --prefix "$s3rver" --no-audit --no-fund --loglevel=error >/dev/null \
    || echo "warning: npm ci for s3rver failed; the S3 footage-store tests will be skipped" >&2
fi
dotnet build DockGateway.sln --no-restore -c Release --verbosity quiet -warnaserror || exit 1

# The four Debian packages (self-contained arm64 and amd64 builds), built once for the packaging tests
# (tests/DockGateway.Integration.Tests/Packaging), which install them with dpkg and run the arm64 one under qemu.
debs_started=$SECONDS
scripts/build-debs.sh --out "$work/debs" || exit 1
echo "Debian packages built in $((SECONDS - debs_started)) s"
export DOCKGW_TEST_DEBS="$work/debs"

dotnet test DockGateway.sln --no-build -c Release --logger "console;verbosity=normal" \
  --logger trx --results-directory "$work/results" 2>&1 | tee "$work/test.log"
status=${PIPESTATUS[0]}

# Sum the counters of every assembly's TRX report; an assembly whose host crashed has none.
read -r passed failed skipped reports < <(python3 scripts/trx-totals.py "$work/results")
expected=$(grep -lE '<IsTestProject>true' tests/*/*.csproj | wc -l)
if [ "$reports" -lt "$expected" ]; then
  echo "error: only $reports of $expected test assemblies reported results (a test host crashed?)" >&2
  status=1
  failed=$((failed + 1))
fi

echo "$passed passed, $failed failed, $skipped skipped"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
