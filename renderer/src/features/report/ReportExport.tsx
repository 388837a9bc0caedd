import { useState } from 'react';
import type { CaseFile } from '../../../../shared/domain';
import { useCommandTarget } from '../../commands';
import { once, useOnDemand } from '../../components/useOnDemand';

/** The export dialog, with the report's options, preview and saving, is fetched the first time it is opened. */
const loadDialog = once(() => import('./ReportDialog').then((module) => module.ReportDialog));

/**
 * Where the open case's report is exported from: offers *Export report…* to the commands (menu, palette, the
 * overview's button) and shows its dialog over whatever section is open.
 */
export function ReportExport({ caseFile }: { caseFile: CaseFile }) {
  const [open, setOpen] = useState(false);
  const [ReportDialog, withDialog] = useOnDemand(loadDialog, 'the report export');
  useCommandTarget('exportReport', () => withDialog(() => setOpen(true)));
  return open && ReportDialog ? <ReportDialog caseFile={caseFile} onClose={() => setOpen(false)} /> : null;
}
