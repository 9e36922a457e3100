#!/usr/bin/env bash
# Hand-run smoke check of the emulator: start it, exercise the routes and the control API, stop it.
# Usage: src/TrutoOpenAi.Emulator/smoke.sh   (needs dotnet, curl, jq, python3; builds the project first)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
dotnet build "$here" -nologo -v q >/dev/null
dll="$here/bin/Debug/net10.0/TrutoOpenAi.Emulator.dll"
out="$(mktemp)"; err="$(mktemp)"
dotnet "$dll" --port 0 --seed-random 42 >"$out" 2>"$err" &
pid=$!
trap 'kill $pid 2>/dev/null || true; rm -f "$out" "$err"' EXIT
for _ in $(seq 1 100); do grep -q EMULATOR_LISTENING "$out" && break; sleep 0.1; done
[ "$(wc -l <"$out")" -eq 1 ] || { echo "stdout must hold exactly one line"; cat "$out"; exit 1; }
V1="$(sed -n 's/^EMULATOR_LISTENING //p' "$out")"; BASE="${V1%/v1}"
ADMIN=(-H "Authorization: Bearer sk-admin-smoke"); API=(-H "Authorization: Bearer sk-proj-smoke")
fails=0
check() { if [ "$2" == "$3" ]; then echo "ok   $1"; else echo "FAIL $1: expected '$3', got '$2'"; fails=$((fails+1)); fi; }
status() { curl -s -o /dev/null -w '%{http_code}' "$@"; }

check "health" "$(curl -s "$BASE/_emulator/health" | jq -c .)" '{"status":"ok"}'
check "no key -> 401" "$(status "$V1/organization/projects")" 401
check "api key on organization -> 403" "$(status "${API[@]}" "$V1/organization/projects")" 403
check "admin key elsewhere -> 401" "$(status "${ADMIN[@]}" "$V1/models")" 401
check "unknown route -> 404" "$(curl -s "${API[@]}" "$V1/nope" | jq -r .error.message)" "Invalid URL (GET /v1/nope)"
list="$(curl -s "${ADMIN[@]}" "$V1/organization/projects")"
check "default project" "$(jq -r '.object + " " + .data[0].name + " " + (.has_more|tostring)' <<<"$list")" "list Default Project false"
check "limit 0 -> 400 limit" "$(curl -s "${ADMIN[@]}" "$V1/organization/projects?limit=0" | jq -r .error.param)" limit
check "limit 101 -> 400" "$(status "${ADMIN[@]}" "$V1/organization/projects?limit=101")" 400
check "missing name -> 400 name" "$(curl -s "${ADMIN[@]}" -d '{}' "$V1/organization/projects" | jq -r '.error.param + " " + .error.code')" "name missing_required_parameter"
check "malformed json -> 400" "$(status "${ADMIN[@]}" -H 'Content-Type: application/json' -d '{"name":' "$V1/organization/projects")" 400
p="$(curl -s "${ADMIN[@]}" -H 'Content-Type: application/json' -d '{"name":"Smoke"}' "$V1/organization/projects")"
id="$(jq -r .id <<<"$p")"
check "create shape" "$(jq -c '[.object,.name,.status,.archived_at,(.id|test("^proj_[A-Za-z0-9]{24}$")),(.created_at|type)]' <<<"$p")" '["organization.project","Smoke","active",null,true,"number"]'
check "retrieve" "$(curl -s "${ADMIN[@]}" "$V1/organization/projects/$id" | jq -r .name)" Smoke
check "unknown id -> 404" "$(curl -s "${ADMIN[@]}" "$V1/organization/projects/proj_x" | jq -r .error.message)" "No such project: proj_x"
check "modify" "$(curl -s "${ADMIN[@]}" -d '{"name":"Smoke 2"}' "$V1/organization/projects/$id" | jq -r .name)" "Smoke 2"
check "archive" "$(curl -s "${ADMIN[@]}" -X POST "$V1/organization/projects/$id/archive" | jq -r '.status + " " + (.archived_at|type)')" "archived number"
check "modify archived -> 400" "$(status "${ADMIN[@]}" -d '{"name":"x"}' "$V1/organization/projects/$id")" 400
check "archived hidden" "$(curl -s "${ADMIN[@]}" "$V1/organization/projects" | jq '.data|length')" 1
check "include_archived" "$(curl -s "${ADMIN[@]}" "$V1/organization/projects?include_archived=true" | jq '.data|length')" 2
hdrs="$(curl -s -D - -o /dev/null "${API[@]}" "$V1/nope")"
check "x-request-id" "$(grep -ci '^x-request-id: req_[0-9a-f]\{32\}' <<<"$hdrs")" 1
check "x-ratelimit headers" "$(grep -ci '^x-ratelimit-' <<<"$hdrs")" 6

# Faults: deterministic 429 with Retry-After, then success.
curl -s -X POST -d '{"path_prefix":"/v1/organization/projects","fail_next":[{"status":429,"retry_after_seconds":1,"count":2}]}' "$BASE/_emulator/faults" >/dev/null
h="$(curl -s -D - "${ADMIN[@]}" "$V1/organization/projects")"
check "fault 429" "$(head -1 <<<"$h" | tr -d '\r')" "HTTP/1.1 429 Too Many Requests"
check "fault Retry-After" "$(grep -i '^retry-after:' <<<"$h" | tr -d '\r')" "Retry-After: 1"
check "fault body" "$(tail -1 <<<"$h" | jq -r '.error.type + " " + .error.code')" "requests rate_limit_exceeded"
check "fault 429 again" "$(status "${ADMIN[@]}" "$V1/organization/projects")" 429
check "then success" "$(status "${ADMIN[@]}" "$V1/organization/projects")" 200
curl -s -X DELETE "$BASE/_emulator/faults" >/dev/null

# Recording.
rec="$(curl -s "$BASE/_emulator/requests")"
check "recorded statuses" "$(jq -c '[.[-3:][].status]' <<<"$rec")" '[429,429,200]'
check "recorded create body" "$(jq -r '[.[]|select(.method=="POST" and .body.name=="Smoke")][0].body.name' <<<"$rec")" Smoke
check "recorded auth kinds" "$(jq -c '[.[0].auth_kind, .[1].auth_kind]' <<<"$rec")" '["none","api"]'
check "no authorization recorded" "$(grep -c 'sk-admin-smoke\|sk-proj-smoke' <<<"$rec" || true)" 0
last="$(jq '.[-1].seq' <<<"$rec")"
check "since" "$(curl -s "$BASE/_emulator/requests?since=$last" | jq length)" 0

# Seed 100,000 and page through them all at 100 per page.
start=$(date +%s%N)
check "seed" "$(curl -s -X POST -d '{"projects":100000,"name_prefix":"tenant-"}' "$BASE/_emulator/seed" | jq -c .projects.added)" 100000
echo "     seeding took $(( ($(date +%s%N) - start) / 1000000 )) ms"
curl -s -X POST -d '{"record":false}' "$BASE/_emulator/config" >/dev/null
# Page with one keep-alive client (spawning curl + jq per page would measure process start-up, not the emulator).
paged="$(python3 - "$V1" <<'PY'
import http.client, json, sys, time, urllib.parse
u = urllib.parse.urlparse(sys.argv[1]); c = http.client.HTTPConnection(u.hostname, u.port)
after, total, pages, t = None, 0, 0, time.time()
while True:
    c.request("GET", u.path + "/organization/projects?limit=100" + (f"&after={after}" if after else ""), headers={"Authorization": "Bearer sk-admin-smoke"})
    d = json.loads(c.getresponse().read()); total += len(d["data"]); pages += 1
    if not d["has_more"]: break
    after = d["last_id"]
print(total, pages, int((time.time() - t) * 1000))
PY
)"
read -r total pages ms <<<"$paged"
echo "     paged $pages pages in $ms ms"
check "paged all active projects" "$total" 100001
curl -s -X POST "$BASE/_emulator/reset" >/dev/null
check "reset" "$(curl -s "${ADMIN[@]}" "$V1/organization/projects" | jq -c '[.data[].name]')" '["Default Project"]'

[ "$fails" -eq 0 ] && echo "smoke: all checks passed" || { echo "smoke: $fails check(s) failed"; exit 1; }
