import { describe, expect, it } from 'vitest';
import { auditVerdict } from './audit.mjs';

/** A finding as `npm audit --json` (report version 2) writes it. */
const finding = (severity: string, fixAvailable: unknown) => ({ severity, fixAvailable, via: [], effects: [], nodes: [] });

describe('auditVerdict', () => {
  it('fails on a high or critical finding that has a fix, naming what fixes it', () => {
    const verdict = auditVerdict({
      auditReportVersion: 2,
      vulnerabilities: {
        dompurify: finding('high', { name: 'dompurify', version: '3.5.0', isSemVerMajor: false }),
        marked: finding('critical', true),
      },
    });
    expect(verdict.ok).toBe(false);
    expect(verdict.blocking).toEqual([
      { name: 'dompurify', severity: 'high', fix: 'dompurify@3.5.0' },
      { name: 'marked', severity: 'critical', fix: 'npm audit fix' },
    ]);
  });

  it('lets through lower findings and high ones nothing fixes yet, and lists them', () => {
    const verdict = auditVerdict({
      auditReportVersion: 2,
      vulnerabilities: { papaparse: finding('moderate', true), tiff: finding('critical', false) },
    });
    expect(verdict).toEqual({
      ok: true,
      blocking: [],
      other: [
        { name: 'papaparse', severity: 'moderate', fix: 'npm audit fix' },
        { name: 'tiff', severity: 'critical', fix: null },
      ],
    });
  });

  it('passes a clean report', () => {
    expect(auditVerdict({ auditReportVersion: 2, vulnerabilities: {} })).toEqual({ ok: true, blocking: [], other: [] });
  });

  it('says why when the advisory service could not be asked', () => {
    const verdict = auditVerdict({
      message: '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk',
      statusCode: 405,
      error: { summary: '', detail: '' },
    });
    expect(verdict.ok).toBe(false);
    expect(verdict.unreachable).toContain('405 Method Not Allowed');
    expect(auditVerdict({ error: { code: 'ENOAUDIT', summary: 'Your configured registry does not support audit requests.' } }).unreachable)
      .toBe('Your configured registry does not support audit requests.');
  });
});
