#!/usr/bin/env bash
# Tests .ci/audit-gate.js on canned `npm audit --json` outputs: which fail the gate, which pass, which say the
# audit could not run and go on. Prints "audit gate: N passed, N failed"; exit 0 only when all pass.
set -uo pipefail
cd "$(dirname "$0")"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
pass=0; fail=0

# expect <name> <npm audit output> <npm exit code> <expected gate exit> <expected substring>
expect() {
  local name="$1" rc="$3" want="$4" text="$5" out got
  printf '%s' "$2" >"$tmp/in"
  out=$(node audit-gate.js "$tmp/in" "$rc"); got=$?
  if [ "$got" = "$want" ] && [[ "$out" == *"$text"* ]]; then pass=$((pass + 1))
  else fail=$((fail + 1)); echo "FAIL $name: exit $got (want $want), output: $out (want …$text…)"; fi
}

report() { # report <vulnerabilities json> <high> <critical> <moderate>
  printf '{"auditReportVersion":2,"vulnerabilities":%s,"metadata":{"vulnerabilities":{"info":0,"low":0,"moderate":%s,"high":%s,"critical":%s,"total":%s},"dependencies":{"prod":60,"dev":0,"optional":0,"peer":0,"peerOptional":0,"total":60}}}' \
    "$1" "$4" "$2" "$3" "$(($2 + $3 + $4))"
}

expect "clean report" "$(report '{}' 0 0 0)" 0 0 "none high or critical"
expect "moderate only" "$(report '{"xlsx-lite":{"name":"xlsx-lite","severity":"moderate","isDirect":true,"via":[{"title":"ReDoS in a parser","url":"https://github.com/advisories/GHSA-x"}],"range":"<1.2.0"}}' 0 0 1)" 0 0 "1 moderate"
expect "high" "$(report '{"exceljs":{"name":"exceljs","severity":"high","isDirect":true,"via":[{"title":"Prototype pollution","url":"https://github.com/advisories/GHSA-h"}],"range":"<=4.4.0"}}' 1 0 0)" 1 1 "high     exceljs <=4.4.0 — Prototype pollution https://github.com/advisories/GHSA-h"
expect "critical, transitive" "$(report '{"unzipper":{"name":"unzipper","severity":"critical","isDirect":false,"via":["fstream"],"range":"*"},"fstream":{"name":"fstream","severity":"critical","via":[{"title":"Arbitrary file overwrite","url":"u"}]}}' 0 2 0)" 1 1 "critical unzipper * — via fstream"
expect "counts without entries" "$(report '{}' 2 0 0)" 1 1 "metadata counts 2 high"
expect "endpoint 405 (a mirror without audit)" "$(printf '%s' '{"message":"405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk","method":"POST","statusCode":405,"body":"","error":{"summary":"","detail":""}}')" 1 0 "could not run (405 Method Not Allowed - POST"
expect "no network" "$(printf '%s' '{"error":{"code":"ENOTFOUND","summary":"request to https://registry.npmjs.org/-/npm/v1/security/advisories/bulk failed, reason: getaddrinfo ENOTFOUND registry.npmjs.org","detail":""}}')" 1 0 "could not run (ENOTFOUND request to"
expect "empty output" "$(printf '')" 1 0 "could not run (no output, npm exit code 1)"
expect "HTML from a proxy" "$(printf '<html><body>Proxy authentication required</body></html>')" 1 0 "could not run (output is not JSON"
expect "truncated JSON" "$(printf '{"auditReportVersion":2,"vulnerabilities":{"exceljs":')" 1 0 "could not run (output is not JSON"
expect "error object with a status only" '{"statusCode":503,"error":{"summary":""}}' 1 0 "could not run (HTTP 503)"
expect "JSON but not a report" "$(printf '[]')" 1 0 "could not run (output is not an audit report)"
expect "timeout" "$(printf '')" 124 0 "could not run (timed out)"
node audit-gate.js "$tmp/does-not-exist" 1 | grep -q "could not run" && pass=$((pass + 1)) || { fail=$((fail + 1)); echo "FAIL missing file"; }

echo "audit gate: $pass passed, $fail failed"
[ "$fail" = 0 ]
