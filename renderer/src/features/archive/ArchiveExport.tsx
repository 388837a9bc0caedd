import { useState } from 'react';
import type { CaseFile } from '../../../../shared/domain';
import { useCommandTarget } from '../../commands';
import { once, useOnDemand } from '../../components/useOnDemand';

/** The export's dialog, with zip.js behind it, is fetched the first time it is asked for. */
const loadDialog = once(() => import('./ArchiveExportDialog').then((module) => module.ArchiveExportDialog));

/** Offers *Export case archive…* while a case is open, and shows its dialog over whatever section is open. */
export function ArchiveExport({ caseFile }: { caseFile: CaseFile }) {
  const [open, setOpen] = useState(false);
  const [ArchiveExportDialog, withDialog] = useOnDemand(loadDialog, 'the case archive');
  useCommandTarget('exportArchive', () => withDialog(() => setOpen(true)));
  return open && ArchiveExportDialog ? <ArchiveExportDialog caseFile={caseFile} onClose={() => setOpen(false)} /> : null;
}
