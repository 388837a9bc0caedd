#!/usr/bin/env node
/**
 * `npm run audit`: audits the libraries that ship in the app (`dependencies`; the build and test tools are
 * devDependencies) and fails on a high or critical advisory that has a fix, the ones a release must not carry.
 * Lower findings and findings without a fix are listed and let through: there is nothing to upgrade to yet.
 *
 * npm's advisory service answers a POST, which some networks (this project's CI among them) do not let out. Then the
 * audit says in one line that it could not run and passes, unless CASEBOOK_AUDIT_REQUIRED=1 asks for a failure.
 */
import { spawnSync } from 'node:child_process';
import process from 'node:process';

const BLOCKING = new Set(['high', 'critical']);

/**
 * What `npm audit --json` reported: `{ ok, unreachable?, blocking, other }`. `blocking` holds the high or critical
 * findings with a fix, each `{ name, severity, fix }`; `other` the rest.
 */
export function auditVerdict(report) {
  if (!report || typeof report !== 'object' || !report.vulnerabilities) {
    // npm writes the failed request's own fields, and an `error` whose summary may be empty.
    const reason = report?.error?.summary || report?.message || 'npm audit gave no report';
    return { ok: false, unreachable: String(reason), blocking: [], other: [] };
  }
  const blocking = [];
  const other = [];
  for (const [name, finding] of Object.entries(report.vulnerabilities)) {
    const fix = finding.fixAvailable;
    const entry = {
      name,
      severity: finding.severity,
      fix: fix === true ? 'npm audit fix' : fix && typeof fix === 'object' ? `${fix.name}@${fix.version}` : null,
    };
    (BLOCKING.has(finding.severity) && entry.fix ? blocking : other).push(entry);
  }
  return { ok: blocking.length === 0, blocking, other };
}

function main() {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const run = spawnSync(npm, ['audit', '--omit=dev', '--json'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  let report;
  try {
    report = JSON.parse(run.stdout);
  } catch {
    report = { message: (run.stderr || run.stdout || 'no output').trim().split('\n').at(-1) };
  }
  const verdict = auditVerdict(report);
  if (verdict.unreachable) {
    console.log(`audit: could not run (${verdict.unreachable})`);
    process.exit(process.env.CASEBOOK_AUDIT_REQUIRED === '1' ? 1 : 0);
  }
  for (const { name, severity, fix } of verdict.other)
    console.log(`audit: ${severity} in ${name}${fix ? `, fixed by ${fix}` : ', no fix yet'} (not blocking)`);
  for (const { name, severity, fix } of verdict.blocking) console.log(`audit: ${severity} in ${name}, fixed by ${fix}`);
  console.log(
    verdict.ok
      ? `audit: no high or critical finding with a fix in the shipped libraries (${verdict.other.length} other)`
      : `audit: ${verdict.blocking.length} high or critical finding(s) with a fix: upgrade before release`,
  );
  process.exit(verdict.ok ? 0 : 1);
}

if (import.meta.url === `file://${process.argv[1]}`) main();
