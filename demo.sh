#!/usr/bin/env bash
# DockGateway demo on one machine: a local mosquitto broker and the cloud receiver (SQLite) start on
# 127.0.0.1; an agency with officers and two recorders is registered through the cloud API; a dock in
# simulation mode is enrolled with a one-time token and ingests two virtual recorders filled with the
# sample footage; it reports over MQTT, uploads the footage (tus, RFC 9421-signed) and gets its
# checkpoints cosigned by the cloud witness. Then its custody log is exported as an auditor bundle and
# verified offline.
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
readonly CLOUD_DLL=$REPO/cloud/DockGateway.Cloud/bin/$CONFIG/net10.0/DockGateway.Cloud.dll
readonly SLOT_TIMEOUT=${SLOT_TIMEOUT:-120}
readonly CLOUD_TIMEOUT=${CLOUD_TIMEOUT:-120}
readonly AGENCY=DEMO

WORK=""      # temporary directory of this run
SIM=""       # simulation root: $SIM/slots/<n>/
DATA=""      # the dock's data directory (custody database, key, footage)
DOCK_PID=""  # the dock we started, killed by this PID on exit
BROKER_PID=""  # mosquitto, SUB_PID: mosquitto_sub, CLOUD_PID: the cloud; all stopped by PID on exit
SUB_PID=""
CLOUD_PID=""
BROKER_PORT=""
CLOUD_URL=""
ADMIN_TOKEN=""
DOCK_ID=""

say() { printf '\n==> %s\n' "$*"; }
die() { printf '\ndemo: error: %s\n' "$*" >&2; exit 1; }

stop_pid() {
  local pid=$1
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  fi
}

cleanup() {
  stop_pid "$DOCK_PID"
  stop_pid "$SUB_PID"
  stop_pid "$CLOUD_PID"
  stop_pid "$BROKER_PID"
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
  dotnet build cloud/DockGateway.Cloud/DockGateway.Cloud.csproj -c "$CONFIG" --verbosity quiet -nologo
  [ -f "$DEVICE_DLL" ] || die "build did not produce $DEVICE_DLL"
  [ -f "$DOCKCTL_DLL" ] || die "build did not produce $DOCKCTL_DLL"
  [ -f "$CLOUD_DLL" ] || die "build did not produce $CLOUD_DLL"
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
  say "Starting the dock in simulation mode (slots under $SIM/slots), reporting to mosquitto and the cloud"
  dotnet "$DEVICE_DLL" --config "$WORK/dock.json" --simulate "$SIM" --data "$DATA" >"$WORK/dock.log" 2>&1 &
  DOCK_PID=$!
  echo "dock PID $DOCK_PID, log $WORK/dock.log"
  sleep 1
  kill -0 "$DOCK_PID" 2>/dev/null || { cat "$WORK/dock.log" >&2; die "the dock exited at start (log above)"; }
}

free_port() { "$REPO/scripts/free-port.py"; }

# wait_for_port PORT PID WHAT: until something accepts connections on 127.0.0.1:PORT.
wait_for_port() {
  local port=$1 pid=$2 what=$3 deadline=$((SECONDS + 60))
  until python3 -c 'import socket,sys; socket.create_connection(("127.0.0.1", int(sys.argv[1])), 1).close()' "$port" 2>/dev/null; do
    kill -0 "$pid" 2>/dev/null || die "$what exited at start (see $WORK)"
    [ "$SECONDS" -lt "$deadline" ] || die "$what is not listening on 127.0.0.1:$port after 60s"
    sleep 0.2
  done
}

start_broker() {
  say "Starting mosquitto on 127.0.0.1 (its own configuration in $WORK/mosquitto)"
  mkdir -p "$WORK/mosquitto"
  BROKER_PORT=$(free_port)
  cat >"$WORK/mosquitto/mosquitto.conf" <<CONF
listener $BROKER_PORT 127.0.0.1
allow_anonymous true
persistence false
log_dest file $WORK/mosquitto/mosquitto.log
user $(id -un)
CONF
  mosquitto -c "$WORK/mosquitto/mosquitto.conf" >>"$WORK/mosquitto/mosquitto.log" 2>&1 &
  BROKER_PID=$!
  wait_for_port "$BROKER_PORT" "$BROKER_PID" mosquitto
  echo "mosquitto PID $BROKER_PID on 127.0.0.1:$BROKER_PORT"
}

start_subscriber() {
  mosquitto_sub -h 127.0.0.1 -p "$BROKER_PORT" -v -q 1 -t 'dockgateway/#' >"$WORK/mqtt.log" 2>&1 &
  SUB_PID=$!
  echo "mosquitto_sub -v -t 'dockgateway/#' PID $SUB_PID, writing $WORK/mqtt.log"
}

start_cloud() {
  say "Starting the cloud receiver (SQLite in $WORK/cloud)"
  local port
  port=$(free_port)
  CLOUD_URL=http://127.0.0.1:$port
  ADMIN_TOKEN=$(openssl rand -hex 32)
  mkdir -p "$WORK/cloud"
  (cd "$WORK/cloud" && ASPNETCORE_URLS=$CLOUD_URL DOCKGW_BOOTSTRAP_ADMIN_TOKEN=$ADMIN_TOKEN \
    Cloud__DataDirectory="$WORK/cloud/data" Cloud__Mqtt__Host=127.0.0.1 Cloud__Mqtt__Port="$BROKER_PORT" \
    Cloud__Mqtt__ClientId=dockgw-demo-cloud Cloud__Mqtt__CleanSession=false \
    exec dotnet "$CLOUD_DLL") >"$WORK/cloud.log" 2>&1 &
  CLOUD_PID=$!
  local deadline=$((SECONDS + 60))
  until curl -fsS "$CLOUD_URL/healthz" >/dev/null 2>&1; do
    kill -0 "$CLOUD_PID" 2>/dev/null || { tail -n 30 "$WORK/cloud.log" >&2; die "the cloud exited at start (log above)"; }
    [ "$SECONDS" -lt "$deadline" ] || die "the cloud did not answer /healthz within 60s (log: $WORK/cloud.log)"
    sleep 0.3
  done
  echo "cloud PID $CLOUD_PID at $CLOUD_URL, log $WORK/cloud.log"
}

# api METHOD PATH [JSON]: the cloud API as the bootstrap admin; prints the answer, fails on HTTP errors.
api() {
  local method=$1 path=$2 body=${3:-}
  local args=(-sS -X "$method" -H "Authorization: Bearer $ADMIN_TOKEN" -w '\n%{http_code}')
  [ -n "$body" ] && args+=(-H 'Content-Type: application/json' --data "$body")
  local out code
  out=$(curl "${args[@]}" "$CLOUD_URL/api/v1$path") || die "cloud API $method $path: no answer"
  code=${out##*$'\n'}
  out=${out%$'\n'*}
  case "$code" in 2??) printf '%s' "$out" ;; *) die "cloud API $method $path answered $code: $out" ;; esac
}

json() { python3 -c 'import json,sys; v=json.load(sys.stdin)
for k in sys.argv[1:]: v=v[k]
print(v)' "$@"; }

register_agency() {
  say "Registering agency $AGENCY (class A), its officers and recorders through the cloud API"
  api POST /agencies '{"code":"'$AGENCY'","name":"Demo Police Department","class":"A","officerCount":4,"classCMinimum":null,"legalReviewStaff":1}' >/dev/null
  local badge name
  for badge in 1001:Alex\ Rivera 1002:Sam\ Okafor 1003:Jo\ Lindqvist 1004:Priya\ Nair; do
    name=${badge#*:}
    api POST /agencies/$AGENCY/officers '{"badgeNumber":"'${badge%%:*}'","name":"'"$name"'"}' >/dev/null
  done
  api POST /agencies/$AGENCY/recorders '{"serial":"DEMO-CAM-0001","vendor":"Axon","model":"Body 3","assignedBadge":"1001"}' >/dev/null
  api POST /agencies/$AGENCY/recorders '{"serial":"DEMO-CAM-0002","vendor":"Motorola","model":"V300","assignedBadge":"1002"}' >/dev/null
  echo "agency $AGENCY: 4 officers, recorders DEMO-CAM-0001 and DEMO-CAM-0002 in service"
}

# enrol_dock: as an installer would: 'dockctl init' makes the dock's Ed25519 key and a configuration
# file, a one-time token comes from the cloud API, and 'dockctl enroll' sends the public key and stores
# the cloud's answer (Dock:DockId/Agency/Origin, Sync:CloudUrl/ReceiptKey/WitnessKey). The demo then
# adds the broker (Mqtt:Host/Port) and short intervals for checkpoints and witnessing.
enrol_dock() {
  say "Enrolling the dock with a one-time token (dockctl init, dockctl enroll)"
  local token
  dockctl init --config "$WORK/dock.json" --data "$DATA" --agency "$AGENCY" | sed 's/^/  /'
  token=$(api POST /agencies/$AGENCY/enrolment-tokens | json token)
  echo "  one-time enrolment token ${token:0:16}… (from POST /api/v1/agencies/$AGENCY/enrolment-tokens)"
  dockctl enroll --config "$WORK/dock.json" --cloud "$CLOUD_URL" --token "$token" --site "Demo station" --slots 2 | sed 's/^/  /'
  python3 - "$WORK/dock.json" "$BROKER_PORT" <<'PY2'
import json, sys
path, port = sys.argv[1], int(sys.argv[2])
config = json.load(open(path, encoding="utf-8"))
config["Dock"]["CheckpointInterval"] = "00:00:02"
config["Mqtt"] = {"Host": "127.0.0.1", "Port": port, "ReconnectDelayMin": "00:00:00.500"}
config["Sync"].update({"WitnessInterval": "00:00:02", "RetryDelay": "00:00:00.500"})
with open(path, "w", encoding="utf-8") as f:
    json.dump(config, f, indent=2)
PY2
  DOCK_ID=$(json Dock DockId <"$WORK/dock.json")
  echo "dock id $DOCK_ID, origin $(json Dock Origin <"$WORK/dock.json")"
  echo "witness key $(json Sync WitnessKey <"$WORK/dock.json")"
}

# wait_for_cloud: until the cloud holds a completed, SHA-256-verified upload of every file the dock
# ingested, the dock has logged the cloud's receipt for each ('uploaded' entries; its sync.db marks them
# acknowledged), and the dock's latest checkpoint covers its whole log and carries the witness cosignature,
# still so 3 s later: the witness round that cosigns a checkpoint logs a 'witnessed' entry and the dock signs
# one more checkpoint, which must be cosigned too before the exported bundle verifies with the witness pinned.
wait_for_cloud() {
  say "Waiting for the cloud to verify every file and cosign the latest checkpoint (timeout ${CLOUD_TIMEOUT}s)"
  local deadline=$((SECONDS + CLOUD_TIMEOUT)) want got acked entries size cosigned settled=""
  while :; do
    want=$(sqlite3 -readonly "$DATA/custody.db" 'SELECT COUNT(DISTINCT sha256) FROM ingested_files' 2>/dev/null || echo -1)
    got=$(sqlite3 -readonly "$WORK/cloud/data/cloud.db" "SELECT COUNT(DISTINCT sha256) FROM uploads WHERE dock_id = '$DOCK_ID' AND completed_at IS NOT NULL" 2>/dev/null || echo 0)
    acked=$(sqlite3 -readonly "$DATA/sync.db" "SELECT COUNT(DISTINCT sha256) FROM uploads WHERE state = 'acknowledged'" 2>/dev/null || echo 0)
    entries=$(sqlite3 -readonly "$DATA/custody.db" 'SELECT COUNT(*) FROM entries' 2>/dev/null || echo -1)
    IFS='|' read -r size cosigned < <(sqlite3 -readonly "$DATA/custody.db" 'SELECT size, cosigned_note IS NOT NULL FROM checkpoints ORDER BY size DESC LIMIT 1' 2>/dev/null || echo '0|0')
    if [ "$want" -gt 0 ] && [ "$got" = "$want" ] && [ "$acked" = "$want" ] && [ "${size:-0}" = "$entries" ] && [ "${cosigned:-0}" = 1 ]; then
      [ "$settled" = "$size" ] && break
      settled=$size
      sleep 3
      continue
    fi
    settled=""
    kill -0 "$DOCK_PID" 2>/dev/null || { tail -n 30 "$WORK/dock.log" >&2; die "the dock died (log above)"; }
    [ "$SECONDS" -lt "$deadline" ] || die "after ${CLOUD_TIMEOUT}s: cloud verified $got of $want files, dock logged $acked receipts; latest checkpoint size ${size:-none} of $entries entries, cosigned=${cosigned:-0} (logs in $WORK)"
    sleep 0.5
  done
  echo "cloud verified $got files; checkpoint at size $size cosigned"
}

print_mqtt() {
  say "What mosquitto_sub saw on dockgateway/# ($(wc -l <"$WORK/mqtt.log") messages; status/slot updates trimmed)"
  python3 - "$WORK/mqtt.log" <<'PY'
import json, sys
lines = [l.rstrip("\n") for l in open(sys.argv[1], encoding="utf-8", errors="replace") if l.strip()]
last_retained = {}
for line in lines:
    topic, _, payload = line.partition(" ")
    if topic.endswith("/events"):
        try:
            e = json.loads(payload)
            detail = {k: v for k, v in e.items() if k in ("slot", "recorder", "sha256", "path", "size", "file", "size", "message")}
            print(f"  {topic}  {e.get('kind', '?'):10} {json.dumps(detail, sort_keys=True)[:150]}")
        except ValueError:
            print(f"  {topic}  {payload[:150]}")
    else:
        last_retained[topic] = payload
for topic, payload in sorted(last_retained.items()):
    print(f"  {topic} (latest)  {payload[:170]}")
PY
}

print_cloud_files() {
  say "Files the cloud verified (its uploads table; receipts logged by the dock as 'uploaded' entries)"
  sqlite3 -readonly -separator '  ' "$WORK/cloud/data/cloud.db" \
    "SELECT sha256, length || ' bytes', recorder, file_name, CASE duplicate WHEN 0 THEN 'stored' ELSE 'duplicate' END FROM uploads WHERE dock_id = '$DOCK_ID' AND completed_at IS NOT NULL ORDER BY entry_index" \
    | sed 's/^/  /'
  python3 - "$WORK/bundle/entries.jsonl" <<'PY'
import json, sys
for i, line in enumerate(open(sys.argv[1], encoding="utf-8")):
    e = json.loads(line)
    if e.get("type") == "uploaded":
        receipt = " | ".join(str(e.get("receipt", "")).strip().splitlines())
        print(f"  custody entry {i}: uploaded {e.get('sha256', '?')[:16]}…, cloud receipt: {receipt[:150]}")
PY
}

print_checkpoint() {
  say "The dock's latest checkpoint, cosigned by the cloud witness (bundle/checkpoint)"
  sed 's/^/  /' "$WORK/bundle/checkpoint"
  echo "  witness checkpoints held by the cloud: $(api GET "/docks/$DOCK_ID/checkpoints" | python3 -c 'import json,sys; v=json.load(sys.stdin); print(len(v) if isinstance(v, list) else v)')"
}

print_fleet() {
  say "The cloud's fleet view of the dock (it subscribes to the broker; GET /api/v1/agencies/$AGENCY/docks/$DOCK_ID/status)"
  local view
  view=$(api GET "/agencies/$AGENCY/docks/$DOCK_ID/status") || { echo "  (no fleet view: see $WORK/cloud.log)"; return 0; }
  python3 -c 'import json,sys
v = json.load(sys.stdin)
for k, x in v.items():
    if isinstance(x, list):
        print(f"  {k}:")
        for item in x[:6]:
            print(f"    {json.dumps(item, sort_keys=True)[:160]}")
    else:
        print(f"  {k}: {json.dumps(x)[:160]}")' <<<"$view"
}

print_ratio() {
  say "Agency $AGENCY equipment ratio (cloud API)"
  api GET /agencies/$AGENCY/ratio | python3 -c 'import json,sys
r = json.load(sys.stdin)
for k in ("agencyName", "class", "officers", "recordersInService", "requiredRecorders", "compliant", "shortfall", "legalReviewStaff", "legalReviewRequired", "legalReviewCompliant", "recordersOverdue"):
    print(f"  {k}: {r.get(k)}")'
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
  say "Verifying the bundle offline, pinning the dock's key and the cloud witness's key (from enrolment)"
  local key witness
  key=$(head -n 1 "$WORK/bundle/keys.txt")
  witness=$(json Sync WitnessKey <"$WORK/dock.json")
  dockctl audit verify "$WORK/bundle" --key "$key" --key "$witness" --footage "$DATA/footage"
}

main() {
  trap cleanup EXIT
  install_deps
  build
  make_workdir
  start_broker
  start_subscriber
  start_cloud
  register_agency
  enrol_dock
  start_dock
  insert_recorder 1 DEMO-CAM-0001 "Axon" "Body 3"
  insert_recorder 2 DEMO-CAM-0002 "Motorola" "V300"
  wait_for_slots 1 2
  wait_for_cloud
  export_bundle
  print_summary 1 2
  print_mqtt
  print_cloud_files
  print_checkpoint
  print_fleet
  print_ratio
  verify_bundle
  say "Demo complete: footage ingested with SHA-256, recorders wiped, status seen over MQTT, every file verified by the cloud, checkpoint cosigned, custody log verified (${SECONDS}s)"
}

main "$@"
