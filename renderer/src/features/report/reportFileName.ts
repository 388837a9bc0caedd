import { caseFileName } from '../shared/caseFileName';

/** The name the save dialog proposes for a report: "Operation Lantern Quay – report – 2026-03-14.pdf". */
export const reportFileName = (caseName: string, date: Date): string => caseFileName(caseName, { what: 'report', date, extension: 'pdf' });
