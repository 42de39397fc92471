#!/usr/bin/env bash
# Runs Debian's sqlmap against examcert's main endpoints, logged in as a fresh candidate.
# Loopback only, bounded (batch mode, level/risk 2, timeouts): a probe to repeat before a release,
# not part of CI. See docs/security.md.
#
#   docs/security/sqlmap.sh                         # builds and starts a local instance (README "Run"), probes it, stops it
#   docs/security/sqlmap.sh http://127.0.0.1:8080   # probes an instance already running on this machine
#
# Needs: sqlmap (apt-get install sqlmap), curl, python3; Maven and Java 17 to start a local instance.
set -euo pipefail

BASE="${1:-}"
OUT="${SQLMAP_OUT:-target/sqlmap}"
LEVEL="${SQLMAP_LEVEL:-2}"
RISK="${SQLMAP_RISK:-2}"
STARTED_PID=""

command -v sqlmap >/dev/null || { echo "sqlmap is missing: sudo apt-get install sqlmap" >&2; exit 2; }

cleanup() {
  if [[ -n "$STARTED_PID" ]]; then
    kill "$STARTED_PID" 2>/dev/null || true   # the launcher stops Payara Micro and the database on SIGTERM
    wait "$STARTED_PID" 2>/dev/null || true
  fi
}
trap cleanup EXIT

if [[ -z "$BASE" ]]; then
  PORT="${EXAMCERT_HTTP_PORT:-18080}"
  BASE="http://127.0.0.1:${PORT}"
  mkdir -p "$OUT"
  echo "Starting a local instance on $BASE (data in $OUT/data) ..."
  EXAMCERT_HTTP_PORT="$PORT" EXAMCERT_EMBEDDED_DB_PORT="${EXAMCERT_EMBEDDED_DB_PORT:-13316}" \
    EXAMCERT_DATA_DIR="$PWD/$OUT/data" mvn -B -q -DskipTests package exec:exec > "$OUT/instance.log" 2>&1 &
  STARTED_PID=$!
  for _ in $(seq 1 180); do
    curl -fsS "$BASE/health/ready" >/dev/null 2>&1 && break
    sleep 2
  done
  curl -fsS "$BASE/health/ready" >/dev/null || { echo "the instance did not become ready; see $OUT/instance.log" >&2; exit 1; }
fi

# Loopback only: this script never probes another machine.
case "$BASE" in
  http://127.0.0.1:*|http://localhost:*|http://\[::1\]:*) ;;
  *) echo "refusing $BASE: only http://127.0.0.1:<port> (or localhost) may be probed" >&2; exit 2 ;;
esac
mkdir -p "$OUT"

# A fresh candidate and their session token
EMAIL="sqlmap-$(date +%s)@example.org"
BIRTH="$(date -d '-22 years' +%F)"
TOKEN="$(curl -fsS -H 'Content-Type: application/json' -X POST "$BASE/api/candidates" \
  -d "{\"fullName\":\"Thử Nghiệm\",\"birthDate\":\"$BIRTH\",\"email\":\"$EMAIL\",\"phone\":\"0912345678\",\"unit\":\"Đoàn trường\",\"board\":\"SINH_VIEN\",\"password\":\"mat-khau-sqlmap\"}" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')"
# an open contest with the candidate's board (the sample contest has all five), and an attempt in it
CONTEST="$(curl -fsS "$BASE/api/contests" | python3 -c '
import json, sys
contests = json.load(sys.stdin)
open_ones = [c for c in contests if "SINH_VIEN" in json.dumps(c, ensure_ascii=False) and c.get("open", True)]
print((open_ones or contests or [{"id": 1}])[0]["id"])')"
START="$(curl -sS -H "Authorization: Bearer $TOKEN" -H 'X-Device-Id: sqlmap' -H 'Content-Type: application/json' \
  -X POST "$BASE/api/contests/$CONTEST/attempts" -d '{}')"
ATTEMPT="$(printf '%s' "$START" | python3 -c 'import json,sys; print(json.load(sys.stdin).get("paper",{}).get("attemptId",""))' 2>/dev/null || true)"
if [[ -z "$ATTEMPT" ]]; then
  echo "no attempt could be started in contest $CONTEST ($START); the attempt probes use id 1" >&2
  ATTEMPT=1
fi
echo "candidate $EMAIL, contest $CONTEST, attempt $ATTEMPT"

# Refusals are expected answers here (a wrong password, an unknown serial), not reasons to stop.
COMMON=(--batch --level="$LEVEL" --risk="$RISK" --timeout=10 --retries=1 --threads=1 --time-sec=3
        --flush-session --disable-coloring --output-dir="$OUT" --ignore-code=400,401,403,404,409,422
        -H "Authorization: Bearer $TOKEN" -H "X-Device-Id: sqlmap")

probe() {
  echo "== sqlmap $*"
  timeout "${SQLMAP_TIMEOUT:-600}" sqlmap "${COMMON[@]}" "$@" || echo "(sqlmap ended with $?)"
}

# public reads and the log-in (JSON bodies; * marks the injection points)
probe -u "$BASE/api/contests/${CONTEST}*"
probe -u "$BASE/api/verify/GCN-7K2M-QX9D-3HTV-0RWA*"
probe -u "$BASE/api/session" --method=POST --data '{"email":"a@example.org*","password":"x*"}'
probe -u "$BASE/api/candidates" --method=POST \
  --data "{\"fullName\":\"An*\",\"birthDate\":\"$BIRTH\",\"email\":\"b@example.org*\",\"phone\":\"0912345678\",\"unit\":\"Đoàn*\",\"board\":\"SINH_VIEN*\",\"password\":\"mat-khau-sqlmap\"}"
# the candidate's own calls, the hot path included
probe -u "$BASE/api/me"
probe -u "$BASE/api/attempts/${ATTEMPT}*"
probe -u "$BASE/api/attempts/${ATTEMPT}/answers/1*" --method=PUT --data '{"option":1*,"seq":1}'
probe -u "$BASE/api/contests/${CONTEST}/result"
probe -u "$BASE/api/certificates/GCN-0000-0000-0000-0000*/pdf"

echo
echo "Findings (none expected):"
if grep -rqs "^Parameter: " "$OUT"/*/log 2>/dev/null; then
  grep -rs -A3 "^Parameter: " "$OUT"/*/log
  exit 1
fi
echo "  sqlmap reported no injectable parameter. Logs in $OUT/."
