import { defineCommand } from './types';

/** The open case's report, as a PDF: its export dialog opens over the section shown. */
export const exportReport = defineCommand('report.export', {
  enabled: ({ targets }) => targets.exportReport !== undefined,
  perform: ({ targets }) => targets.exportReport?.(),
  whenUnavailable: 'Open a case first.',
});
