#!/usr/bin/env bash
# Refreshes client/metadata/cascade.scale: the metadata of the runtime this workspace builds, as
# the node serves it (`Metadata_metadata_at_version` of the newest version subxt reads), which the
# `cascade` client's interface is generated from (client/src/interface.rs). Run it after changing
# a pallet's calls, events, storage, errors, constants or docs; the client's test
# `the_committed_metadata_is_the_runtimes` fails until then. Then regenerates @cascade/api's
# types from it (js/cascade-api/src/generated/types.ts; ./scripts/test.sh checks they are fresh).
# Builds the node first unless CASCADE_SKIP_BUILD=1.
set -euo pipefail
cd "$(dirname "$0")/../.."
./scripts/setup.sh >&2
source scripts/env.sh
[ "${CASCADE_SKIP_BUILD:-0}" = 1 ] || cargo build --release -p cascade-node >&2
source scripts/dev/node.sh
start_dev_node 300 >&2
call() {
	curl -fsS -H 'content-type: application/json' \
		-d "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"state_call\",\"params\":[\"$1\",\"$2\"]}" \
		"http://127.0.0.1:$PORT"
}
VERSIONS="$(call Metadata_metadata_versions 0x)"
python3 - "$VERSIONS" client/metadata/cascade.scale "$PORT" <<'PY'
import json, sys, urllib.request

def compact(b, i):
    mode = b[i] & 3
    if mode == 0:
        return b[i] >> 2, i + 1
    if mode == 1:
        return int.from_bytes(b[i:i + 2], "little") >> 2, i + 2
    if mode == 2:
        return int.from_bytes(b[i:i + 4], "little") >> 2, i + 4
    n = (b[i] >> 2) + 4
    return int.from_bytes(b[i + 1:i + 1 + n], "little"), i + 1 + n

def result(reply):
    reply = json.loads(reply)
    if "error" in reply:
        sys.exit(f"state_call failed: {reply['error']}")
    return bytes.fromhex(reply["result"][2:])

versions_raw = result(sys.argv[1])
count, i = compact(versions_raw, 0)
versions = [int.from_bytes(versions_raw[i + 4 * k:i + 4 * k + 4], "little") for k in range(count)]
version = max(v for v in versions if v in (14, 15, 16))
body = json.dumps({"jsonrpc": "2.0", "id": 1, "method": "state_call",
                   "params": ["Metadata_metadata_at_version", "0x" + version.to_bytes(4, "little").hex()]})
request = urllib.request.Request(f"http://127.0.0.1:{sys.argv[3]}", body.encode(),
                                 {"content-type": "application/json"})
raw = result(urllib.request.urlopen(request).read())
if raw[0] != 1:
    sys.exit(f"the runtime serves no metadata v{version}")
length, i = compact(raw, 1)
metadata = raw[i:i + length]
assert len(metadata) == length and metadata[:4] == b"meta", "not runtime metadata"
with open(sys.argv[2], "wb") as f:
    f.write(metadata)
print(f"{sys.argv[2]}: metadata v{version}, {length} bytes (versions served: {versions})")
PY
# The JavaScript package's types of the RPC's answers come from the same file.
node js/cascade-api/scripts/generate-types.mjs 2>/dev/null
