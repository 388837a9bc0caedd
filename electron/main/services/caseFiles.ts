import { randomUUID } from 'node:crypto';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { CaseFileOpenedEvent } from '../../../shared/contract';
import { describeFileError } from '../ipc/fileAccess';

/**
 * Case archives (`.casebook`) the system asks Casebook to open: from a double-click on macOS (`open-file`), from the
 * command line on Windows and Linux, or handed over by a second start of the app. Paths stay here; the renderer gets
 * the file's name and a token for it. Node only, so it is tested against real temporary files.
 */

export const CASE_FILE_EXTENSION = '.casebook';

/** The case archives named on a command line, resolved against the folder it was given in. */
export function caseFilePathsFromArgv(argv: readonly string[], workingDirectory: string): string[] {
  // The first argument is the program; flags (Chromium adds some to a second instance's) start with a dash.
  return argv
    .slice(1)
    .filter((arg) => !arg.startsWith('-') && arg.toLowerCase().endsWith(CASE_FILE_EXTENSION))
    .map((arg) => path.resolve(workingDirectory, arg));
}

/** Tokens handed to the renderer, each standing for one path; the oldest are forgotten beyond this many. */
const MAX_TOKENS = 20;

export class CaseFileTokens {
  readonly #paths = new Map<string, string>();

  /** The event announcing the file: its name and token, or why it cannot be opened. */
  async announce(filePath: string): Promise<CaseFileOpenedEvent> {
    const name = path.basename(filePath);
    try {
      const stats = await stat(filePath);
      if (!stats.isFile()) throw Object.assign(new Error('not a file'), { code: 'EISDIR' });
    } catch (error) {
      return {
        name,
        token: null,
        error: `${name} could not be opened: ${describeFileError(error)}. Check that the file is still there, then open it again.`,
      };
    }
    const token = randomUUID();
    this.#paths.set(token, filePath);
    if (this.#paths.size > MAX_TOKENS) this.#paths.delete(this.#paths.keys().next().value!);
    return { name, token, error: null };
  }

  /** The path a token stands for, for the archive feature to read; null for a token never given or forgotten. */
  pathOf(token: string): string | null {
    return this.#paths.get(token) ?? null;
  }
}
