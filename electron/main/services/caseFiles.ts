import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { CaseFileOpenedEvent } from '../../../shared/contract';
import { describeFileError } from '../ipc/fileAccess';
import type { FileTokens } from './fileTokens';

/**
 * Case archives (`.casebook`) the system asks Casebook to open: from a double-click on macOS (`open-file`), from the
 * command line on Windows and Linux, or handed over by a second start of the app. Paths stay here; the renderer gets
 * the file's name, its size and a token to read it by (`FileTokens`). Node only, so it is tested against real temporary files.
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

/** Announces the case archives the system asks to open, each with a token from the registry the renderer reads through. */
export class CaseFileTokens {
  constructor(private readonly tokens: FileTokens) {}

  /** The event announcing the file: its name, size and token, or why it cannot be opened. */
  async announce(filePath: string): Promise<CaseFileOpenedEvent> {
    const name = path.basename(filePath);
    let size: number;
    try {
      const stats = await stat(filePath);
      if (!stats.isFile()) throw Object.assign(new Error('not a file'), { code: 'EISDIR' });
      size = stats.size;
    } catch (error) {
      return {
        name,
        size: null,
        token: null,
        error: `${name} could not be opened: ${describeFileError(error)}. Check that the file is still there, then open it again.`,
      };
    }
    return { name, size, token: this.tokens.issue(filePath), error: null };
  }
}
