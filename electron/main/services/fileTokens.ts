import { randomUUID } from 'node:crypto';
import { open } from 'node:fs/promises';
import path from 'node:path';
import { HostError } from '../../../shared/contract';
import { describeFileError } from '../ipc/fileAccess';

/**
 * The files main lets the renderer read, each by a token standing for its path: case archives the system asked to
 * open, and the backups. Paths never leave main; `readRange` reads a window of a file at a time (an archive can be
 * gigabytes), never the whole. Node only, so it is tested against real temporary files.
 */

/** Tokens issued for files opened from the system; the oldest are forgotten beyond this many. */
const MAX_ISSUED = 20;

export class FileTokens {
  /** Token → path, for every token in force. */
  readonly #paths = new Map<string, string>();
  /** Tokens issued with `issue`, oldest first. */
  readonly #issued = new Set<string>();
  /** Path → token, for files kept under one token as long as they exist (the backups). */
  readonly #pinned = new Map<string, string>();

  constructor(private readonly maxIssued = MAX_ISSUED) {}

  /** A new token for a file opened once; the oldest issued tokens are forgotten beyond `maxIssued`. */
  issue(filePath: string): string {
    const token = randomUUID();
    this.#paths.set(token, filePath);
    this.#issued.add(token);
    if (this.#issued.size > this.maxIssued) {
      const oldest = this.#issued.values().next().value!;
      this.#issued.delete(oldest);
      this.#paths.delete(oldest);
    }
    return token;
  }

  /** The one token of a file main keeps (a backup): the same each time it is asked, until `unpin`. */
  pin(filePath: string): string {
    const known = this.#pinned.get(filePath);
    if (known) return known;
    const token = randomUUID();
    this.#pinned.set(filePath, token);
    this.#paths.set(token, filePath);
    return token;
  }

  /** The file is gone (a pruned backup): its token stands for nothing any more. */
  unpin(filePath: string): void {
    const token = this.#pinned.get(filePath);
    if (!token) return;
    this.#pinned.delete(filePath);
    this.#paths.delete(token);
  }

  /** The path a token stands for; null for a token never given or forgotten. */
  pathOf(token: string): string | null {
    return this.#paths.get(token) ?? null;
  }

  /** Bytes of the file from `offset`, at most `length`: fewer at its end, none past it. */
  async readRange(token: string, offset: number, length: number): Promise<Uint8Array> {
    const filePath = this.pathOf(token);
    if (!filePath)
      throw new HostError(
        'not-found',
        'Casebook no longer has this file at hand (it was opened too long ago, or Casebook restarted). Open it again.',
      );
    const name = path.basename(filePath);
    try {
      const handle = await open(filePath, 'r');
      try {
        const { size } = await handle.stat();
        const bytes = new Uint8Array(Math.max(0, Math.min(length, size - offset)));
        let filled = 0;
        while (filled < bytes.byteLength) {
          const { bytesRead } = await handle.read(bytes, filled, bytes.byteLength - filled, offset + filled);
          // The file shrank since stat: answer what there was.
          if (bytesRead === 0) return bytes.slice(0, filled);
          filled += bytesRead;
        }
        return bytes;
      } finally {
        await handle.close();
      }
    } catch (error) {
      const code = (error as NodeJS.ErrnoException | null)?.code;
      throw new HostError(
        code === 'ENOENT' ? 'not-found' : 'read-failed',
        `${name} could not be read: ${describeFileError(error)}. Check that the file is still there, then open it again.`,
      );
    }
  }
}
