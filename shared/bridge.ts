import {
  EVENT_SUBSCRIPTIONS,
  unwrapHostResult,
  type CasebookApi,
  type HostBridge,
  type HostEventListener,
  type HostEventName,
  type Unsubscribe,
} from './contract';
import type * as ContractSchemas from './contractSchemas';

/** The events' schemas, with zod, load with the first event: the app starts without them (most starts see none). */
let schemas: Promise<typeof ContractSchemas> | undefined;
const loadSchemas = () => (schemas ??= import('./contractSchemas'));

/**
 * The renderer's side of the Electron bridge: turns the preload's `HostBridge` into the `CasebookApi` the app uses.
 * Failures become `HostError`s with their code here, in the page's own world, because an Error crossing the context
 * bridge keeps only its message; and each event is checked against its schema before any listener sees it.
 */
export function hostFromBridge(bridge: HostBridge, warn: (message: string) => void = console.warn): CasebookApi {
  const subscribe =
    <K extends HostEventName>(name: K) =>
    (listener: HostEventListener<K>): Unsubscribe =>
      bridge[EVENT_SUBSCRIPTIONS[name]]((payload) => {
        // Events keep their order: each waits for the same loaded module, in the order they arrived.
        void loadSchemas().then(({ hostEventSchemas, describeIssues }) => {
          const parsed = hostEventSchemas[name].safeParse(payload);
          if (parsed.success) listener(parsed.data as Parameters<HostEventListener<K>>[0]);
          else warn(`[casebook] ignored a ${name} event from the host: ${describeIssues(parsed.error)}`);
        });
      });

  return {
    getAppInfo: async () => unwrapHostResult(await bridge.getAppInfo()),
    openFiles: async (request) => unwrapHostResult(await bridge.openFiles(request)),
    saveFile: async (request) => unwrapHostResult(await bridge.saveFile(request)),
    printToPdf: async (request) => unwrapHostResult(await bridge.printToPdf(request)),
    openExternal: async (url) => unwrapHostResult(await bridge.openExternal(url)),
    readFileRange: async (request) => unwrapHostResult(await bridge.readFileRange(request)),
    getBackupStatus: async () => unwrapHostResult(await bridge.getBackupStatus()),
    setBackupSettings: async (settings) => unwrapHostResult(await bridge.setBackupSettings(settings)),
    beginBackup: async (request) => unwrapHostResult(await bridge.beginBackup(request)),
    writeBackup: async (request) => unwrapHostResult(await bridge.writeBackup(request)),
    finishBackup: async (request) => unwrapHostResult(await bridge.finishBackup(request)),
    noteLibrary: async (request) => unwrapHostResult(await bridge.noteLibrary(request)),
    onMenuCommand: subscribe('menuCommand'),
    onCaseFileOpened: subscribe('caseFileOpened'),
    onBackupFinished: subscribe('backupFinished'),
  };
}
