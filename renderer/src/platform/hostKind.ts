import { BRIDGE_KEY } from '../../../shared/contract';

/** Whether the app runs in the desktop app (the preload exposed its bridge) rather than a plain browser. */
export const isElectron = typeof window !== 'undefined' && BRIDGE_KEY in window;
