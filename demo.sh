#!/usr/bin/env bash
# DockGateway demo on one machine: a dock in simulation mode ingests two virtual recorders filled
# with the sample footage, then its custody log is exported as an auditor bundle and verified.
#
#   ./demo.sh            run the demo (exits 0 when every step worked)
#   KEEP=1 ./demo.sh     keep the temporary directory (dock data, bundle, log) for a look afterwards
#
# Each step is a function; main() at the bottom lists them in order, so later stages (a local
# mosquitto broker, the cloud receiver) slot in as more functions.
set -euo pipefail
cd "$(dirname "$0")"

readonly REPO=$PWD
readonly CONFIG=Release
readonly DEVICE_DLL=$REPO/device/DockGateway.Device/bin/$CONFIG/net10.0/DockGateway.Device.dll
readonly DOCKCTL_DLL=$REPO/provisioning/DockGateway.Provisioning/bin/$CONFIG/net10.0/dockctl.dll
readonly FOOTAGE=$REPO/tests/fixtures/footage
readonly SLOT_TIMEOUT=${SLOT_TIMEOUT:-120}

WORK=""      # temporary directory of this run
SIM=""       # simulation root: $SIM/slots/<n>/
DATA=""      # the dock's data directory (custody database, key, footage)
DOCK_PID=""  # the dock we started, killed by this PID on exit

say() { printf '\n==> %s\n' "$*"; }
die() { printf '\ndemo: error: %s\n' "$*" >&2; exit 1; }

cleanup() {
  if [ -n "$DOCK_PID" ] && kill -0 "$DOCK_PID" 2>/dev/null; then
    kill "$DOCK_PID" 2>/dev/null || true
    wait "$DOCK_PID" 2>/dev/null || true
  fi
  if [ -n "$WORK" ]; then
    if [ "${KEEP:-0}" = 1 ]; then echo "kept $WORK"; else rm -rf "$WORK"; fi
  fi
}

install_deps() {
  say "Installing what is missing"
  scripts/install-deps.sh
}

build() {
  say "Building (Release)"
  dotnet build device/DockGateway.Device/DockGateway.Device.csproj -c "$CONFIG" --verbosity quiet -nologo
  dotnet build provisioning/DockGateway.Provisioning/DockGateway.Provisioning.csproj -c "$CONFIG" --verbosity quiet -nologo
  [ -f "$DEVICE_DLL" ] || die "build did not produce $DEVICE_DLL"
  [ -f "$DOCKCTL_DLL" ] || die "build did not produce $DOCKCTL_DLL"
}

dockctl() { dotnet "$DOCKCTL_DLL" "$@"; }

make_workdir() {
  WORK=$(mktemp -d /tmp/dockgw-demo.XXXXXX)
  SIM=$WORK/sim
  DATA=$WORK/data
  mkdir -p "$SIM/slots" "$DATA"
  echo "working in $WORK"
}

start_dock() {
  say "Starting the dock in simulation mode (slots under $SIM/slots)"
  dotnet "$DEVICE_DLL" --simulate "$SIM" --data "$DATA" >"$WORK/dock.log" 2>&1 &
  DOCK_PID=$!
  echo "dock PID $DOCK_PID, log $WORK/dock.log"
  sleep 1
  kill -0 "$DOCK_PID" 2>/dev/null || { cat "$WORK/dock.log" >&2; die "the dock exited at start (log above)"; }
}

# insert_recorder SLOT SERIAL VENDOR MODEL: fill the recorder's volume, then "plug it in" by
# writing recorder.json last (renamed into place, so the dock never sees half a file).
insert_recorder() {
  local slot=$1 serial=$2 vendor=$3 model=$4
  local dir=$SIM/slots/$slot
  mkdir -p "$dir/volume/DCIM"
  find "$FOOTAGE" -maxdepth 1 -type f ! -name SHA256SUMS -exec cp {} "$dir/volume/DCIM/" \;
  printf '{"serial":"%s","vendor":"%s","model":"%s"}\n' "$serial" "$vendor" "$model" >"$dir/recorder.json.tmp"
  mv "$dir/recorder.json.tmp" "$dir/recorder.json"
  echo "slot $slot: recorder $serial ($vendor $model) inserted with $(find "$dir/volume" -type f | wc -l) files"
}

slot_state() { python3 -c 'import json,sys; print(json.load(open(sys.argv[1])).get("state",""))' "$1" 2>/dev/null || true; }

# wait_for_slots SLOT...: until every slot's state.json says done (or error/refused, which fails).
wait_for_slots() {
  say "Waiting for the dock to ingest and wipe (timeout ${SLOT_TIMEOUT}s)"
  local deadline=$((SECONDS + SLOT_TIMEOUT)) slot state pending
  while :; do
    pending=0
    for slot in "$@"; do
      state=$(slot_state "$SIM/slots/$slot/state.json")
      case "$state" in
        done) ;;
        error | refused) die "slot $slot ended in state '$state': $(cat "$SIM/slots/$slot/state.json")" ;;
        *) pending=1 ;;
      esac
    done
    [ "$pending" = 0 ] && break
    kill -0 "$DOCK_PID" 2>/dev/null || { tail -n 30 "$WORK/dock.log" >&2; die "the dock died (log above)"; }
    if [ "$SECONDS" -ge "$deadline" ]; then
      for slot in "$@"; do echo "slot $slot: $(cat "$SIM/slots/$slot/state.json" 2>/dev/null || echo 'no state.json yet')" >&2; done
      die "slots not done after ${SLOT_TIMEOUT}s (states above, dock log: $WORK/dock.log)"
    fi
    sleep 0.5
  done
  echo "all slots done"
}

export_bundle() {
  say "Exporting the auditor bundle"
  dockctl audit export --data "$DATA" --out "$WORK/bundle"
  echo "bundle: $(wc -l <"$WORK/bundle/entries.jsonl") entries, $(find "$WORK/bundle/proofs" -name '*.tlog-proof' | wc -l) proofs"
}

# print_summary SLOT...: what happened to each recorder, from the slot state, the custody entries
# and the recorder's volume; SHA-256 values are cross-checked with the fixtures' SHA256SUMS.
print_summary() {
  say "Per-slot summary"
  python3 - "$SIM" "$WORK/bundle/entries.jsonl" "$FOOTAGE/SHA256SUMS" "$@" <<'PY'
import json, os, sys
sim, entries_path, sums_path, slots = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
entries = [json.loads(line) for line in open(entries_path, encoding="utf-8") if line.strip()]
known = {}
for line in open(sums_path, encoding="utf-8"):
    digest, name = line.split(maxsplit=1)
    known[digest] = name.strip().lstrip("*")
for slot in slots:
    state = json.load(open(os.path.join(sim, "slots", slot, "state.json"), encoding="utf-8"))
    recorder = json.load(open(os.path.join(sim, "slots", slot, "recorder.json"), encoding="utf-8"))
    serial = recorder["serial"]
    mine = [e for e in entries if e.get("recorder") == serial]
    ingested = {e["path"]: (i, e) for i, e in enumerate(entries) if e.get("recorder") == serial and e.get("type") == "ingested"}
    erased = {e["path"]: e for e in mine if e.get("type") in ("erased", "reconciled")}
    volume = os.path.join(sim, "slots", slot, "volume")
    left = sorted(os.path.relpath(os.path.join(d, f), volume) for d, _, fs in os.walk(volume) for f in fs)
    print(f"Slot {slot}: recorder {serial} ({recorder['vendor']} {recorder['model']}), state '{state['state']}', "
          f"{len(ingested)} files ingested, {len(erased)} erased from the recorder, {state.get('errors', 0)} errors")
    for path in sorted(set(ingested) | set(erased)):
        index, entry = ingested.get(path, (None, None))
        gone = erased.get(path)
        if entry is None and gone is not None:
            first = entries[gone["ingested"]]
            entry, note = first, f"same bytes already in custody (entry {gone['ingested']}, {first['recorder']}), not stored twice"
        else:
            note = f"custody entry {index}, stored as {entry['stored']}"
        wiped = gone is not None and path not in left
        check = f"matches SHA256SUMS ({known[entry['sha256']]})" if entry["sha256"] in known else "NOT in SHA256SUMS"
        late = "LATE (ended > 24 h before ingest)" if entry.get("late") else "on time"
        print(f"  {path}: {entry['size']} bytes, recorded {entry.get('recorded_start', '?')} ({entry.get('time_source', '?')}), "
              f"{late}, {'wiped from recorder' if wiped else 'NOT wiped'}")
        print(f"      sha256 {entry['sha256']}  {check}")
        print(f"      {note}")
    print(f"  files left on the recorder: {len(left)}{': ' + ', '.join(left) if left else ''}")
    for e in mine:
        if e.get("type") in ("gap", "error", "refused", "disk-low"):
            print(f"  flagged {e['type']}: {json.dumps(e, sort_keys=True)}")
PY
}

verify_bundle() {
  say "Verifying the bundle offline, pinning the dock's key"
  local key
  key=$(head -n 1 "$WORK/bundle/keys.txt")
  dockctl audit verify "$WORK/bundle" --key "$key" --footage "$DATA/footage"
}

main() {
  trap cleanup EXIT
  install_deps
  build
  make_workdir
  start_dock
  insert_recorder 1 DEMO-CAM-0001 "Axon" "Body 3"
  insert_recorder 2 DEMO-CAM-0002 "Motorola" "V300"
  wait_for_slots 1 2
  export_bundle
  print_summary 1 2
  verify_bundle
  say "Demo complete: footage ingested with SHA-256, recorders wiped, custody log verified"
}

main "$@"
