import { useMemo, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { CaseTextContext, type CaseText } from '../../editor/caseText';

const load = () => import('./caseTextOf');

/**
 * Gives every rich-text field of the open case what it needs to link its text to the case (features/notes/
 * caseTextOf.ts), loaded with the first field that asks: the workspace opens without it.
 */
export function CaseTextProvider({ caseId, children }: { caseId: string; children: ReactNode }) {
  const navigate = useNavigate();
  const caseText = useMemo((): CaseText => {
    const open = (path: string) => void navigate(path);
    let loading: Promise<CaseText> | null = null;
    const loaded = () => (loading ??= load().then(({ caseTextOf }) => caseTextOf(caseId, open)));
    return {
      caseId,
      findEntities: async (typed) => (await loaded()).findEntities(typed),
      findRecords: async (typed) => (await loaded()).findRecords(typed),
      entityTypes: async () => (await loaded()).entityTypes(),
      createEntity: async (name, type) => (await loaded()).createEntity(name, type),
      describe: async (ref) => (await loaded()).describe(ref),
      watch(refs, onChange) {
        let stop: (() => void) | null = null;
        let stopped = false;
        void loaded().then((caseText) => {
          if (!stopped) stop = caseText.watch(refs, onChange);
        });
        return () => {
          stopped = true;
          stop?.();
        };
      },
      open,
    };
  }, [caseId, navigate]);
  return <CaseTextContext.Provider value={caseText}>{children}</CaseTextContext.Provider>;
}
