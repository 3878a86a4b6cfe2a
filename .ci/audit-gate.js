#!/usr/bin/env node
// The CI audit gate: reads the output of `npm audit --omit=dev --audit-level=high --json` and decides.
//   node .ci/audit-gate.js <output-file> [npm-exit-code]
// Exit 1 when the report lists a production advisory of high or critical severity (each one printed);
// exit 0 when it lists none; exit 0 with "could not run" when the registry's audit endpoint did not answer
// (network error, an error object instead of a report, non-JSON or empty output, a timeout): the gate goes on.
"use strict";
const fs = require("fs");

const GATE = new Set(["high", "critical"]);

/** The decision for one audit output: { status: "pass" | "fail" | "unavailable", lines: string[] }. */
function decide(text, npmExit) {
  const unavailable = (why) => ({ status: "unavailable", lines: [`npm audit could not run (${why}): production dependencies NOT audited; going on`] });
  if (npmExit === 124 || npmExit === 137) return unavailable("timed out");
  const body = String(text ?? "").trim();
  if (body === "") return unavailable(`no output, npm exit code ${npmExit}`);
  let report;
  try {
    report = JSON.parse(body);
  } catch {
    return unavailable(`output is not JSON: ${JSON.stringify(body.slice(0, 80))}`);
  }
  if (report === null || typeof report !== "object" || Array.isArray(report)) return unavailable("output is not an audit report");
  const counts = report.metadata && report.metadata.vulnerabilities;
  if (report.error || !counts || typeof counts !== "object") {
    const e = report.error || {};
    const said = report.message || e.summary || (report.statusCode ? `HTTP ${report.statusCode}` : "");
    const why = [e.code, said].filter((x) => x !== undefined && x !== "").join(" ");
    return unavailable(why || "the registry answered with no report");
  }
  const found = [];
  for (const [name, v] of Object.entries(report.vulnerabilities || {})) {
    if (!v || !GATE.has(v.severity)) continue;
    const via = (Array.isArray(v.via) ? v.via : [])
      .map((x) => (typeof x === "string" ? `via ${x}` : `${x.title || ""}${x.url ? " " + x.url : ""}`.trim()))
      .filter(Boolean);
    found.push(`  ${v.severity.padEnd(8)} ${name}${v.range ? " " + v.range : ""}${via.length ? " — " + via.join("; ") : ""}`);
  }
  const counted = (Number(counts.high) || 0) + (Number(counts.critical) || 0);
  if (found.length === 0 && counted > 0) found.push(`  metadata counts ${counts.high || 0} high and ${counts.critical || 0} critical`);
  const summary = `production advisories: ${counts.critical || 0} critical, ${counts.high || 0} high, ${counts.moderate || 0} moderate, ${counts.low || 0} low`;
  if (found.length > 0) return { status: "fail", lines: [`npm audit: ${summary}`, ...found, "FAILED: high or critical advisories in production dependencies"] };
  return { status: "pass", lines: [`npm audit: ${summary}; none high or critical`] };
}

module.exports = { decide };

if (require.main === module) {
  const [file, code] = process.argv.slice(2);
  let text = "";
  try {
    text = fs.readFileSync(file, "utf8");
  } catch {
    text = "";
  }
  const r = decide(text, code === undefined ? 0 : Number(code));
  for (const l of r.lines) console.log(l);
  process.exit(r.status === "fail" ? 1 : 0);
}
