export interface AuditFinding {
  name: string;
  severity: string;
  /** What fixes it (`npm audit fix`, or the package and version to move to), or null when nothing does yet. */
  fix: string | null;
}
/** The verdict on `npm audit --json`'s report: fails on high or critical findings that have a fix. */
export declare function auditVerdict(report: unknown): {
  ok: boolean;
  /** Why the audit could not run (the advisory service unreachable), when it could not. */
  unreachable?: string;
  blocking: AuditFinding[];
  other: AuditFinding[];
};
