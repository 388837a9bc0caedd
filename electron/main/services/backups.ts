import { randomUUID } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { z } from 'zod';
import {
  DEFAULT_BACKUP_SETTINGS,
  HostError,
  type BackupEntry,
  type BackupFinishedEvent,
  type BackupReason,
  type BackupSettings,
  type BackupStatus,
} from '../../../shared/contract';
import { backupSettingsSchema, describeIssues } from '../../../shared/contractSchemas';
import { describeFileError } from '../ipc/fileAccess';
import { readBackupManifest, type BackupManifest } from './backupManifests';
import { backupBaseName, backupFileName, isBackupFileName, reasonOfFileName } from './backupNames';
import { backupsToKeep } from './backupRetention';
import type { FileTokens } from './fileTokens';

/**
 * The desktop app's backups folder (`<userData>/Backups`): each backup a `.casebook` archive the renderer writes a
 * piece at a time into a temporary file in `.partial/`, flushed to disk and renamed into place when it is whole, so
 * the folder only ever holds whole backups; the backup settings (`settings.json`); and the library marker
 * (`library.json`), how many cases the library held when last noted, which lets the app tell an emptied library from
 * a new one. The folder is main's own: nothing from the renderer names a path in it. Node only, tested against real
 * temporary folders.
 */

const PARTIAL_FOLDER = '.partial';
const SETTINGS_FILE = 'settings.json';
const LIBRARY_FILE = 'library.json';
/** A backup not written to for this long was abandoned (its page reloaded or closed): its temporary file goes. */
const ABANDONED_MS = 30 * 60 * 1000;
/** The longest message the `backupFinished` event carries. */
const EVENT_TEXT = 1000;

const libraryMarkerSchema = z.object({ caseCount: z.number().int().nonnegative(), notedAt: z.iso.datetime() });

export interface BackupsOptions {
  /** The backups folder; created when missing. */
  folder: string;
  /** The registry `readFileRange` reads through: each listed backup has a token in it. */
  tokens: FileTokens;
  now?: () => Date;
  /** Where problems that are not the researcher's to act on go (a file in the folder that is not a backup). */
  log?: (message: string) => void;
  /** Told of each backup committed, written or failed: main sends it to the renderer as `backupFinished`. */
  onFinished?: (event: BackupFinishedEvent) => void;
}

interface Write {
  caseName: string;
  /** The final name without its extension or number; chosen when the backup began. */
  baseName: string;
  tempPath: string;
  handle: FileHandle | null;
  /** The appends so far, one after another in the order they came. */
  queue: Promise<void>;
  /** Why a write failed: every later request for this backup answers with it. */
  failure: HostError | null;
  touchedAt: number;
}

export class Backups {
  readonly folder: string;
  readonly #partialFolder: string;
  readonly #tokens: FileTokens;
  readonly #now: () => Date;
  readonly #log: (message: string) => void;
  readonly #onFinished: (event: BackupFinishedEvent) => void;

  #ready: Promise<void> | null = null;
  readonly #writes = new Map<string, Write>();
  /** Manifests read, by file name, with the size and time of the file they were read from; null for an unreadable one. */
  readonly #manifests = new Map<string, { stamp: string; manifest: BackupManifest | null }>();
  /** Commits and prunes run one at a time, so two never take the same name or delete under each other. */
  #exclusive: Promise<unknown> = Promise.resolve();

  constructor(options: BackupsOptions) {
    this.folder = options.folder;
    this.#partialFolder = path.join(options.folder, PARTIAL_FOLDER);
    this.#tokens = options.tokens;
    this.#now = options.now ?? (() => new Date());
    this.#log = options.log ?? ((message) => console.warn(`[casebook] ${message}`));
    this.#onFinished = options.onFinished ?? (() => undefined);
  }

  /** Makes the folder and removes what interrupted backups left in `.partial/`. Every request waits for it. */
  start(): Promise<void> {
    this.#ready ??= this.#prepare().catch((error: unknown) => {
      // The next request tries again (the disk may have come back).
      this.#ready = null;
      throw new HostError(
        'write-failed',
        `Casebook cannot keep backups in ${this.folder}: ${describeFileError(error)}. Check that this folder can be written to, then restart Casebook.`,
      );
    });
    return this.#ready;
  }

  async #prepare(): Promise<void> {
    await mkdir(this.folder, { recursive: true });
    await rm(this.#partialFolder, { recursive: true, force: true });
    await mkdir(this.#partialFolder, { recursive: true });
  }

  // Settings and the library marker

  /** The saved settings; the defaults when there are none, or when the file is not valid (logged). */
  async settings(): Promise<BackupSettings> {
    const file = path.join(this.folder, SETTINGS_FILE);
    const json = await this.#readJson(file);
    if (json === undefined) return { ...DEFAULT_BACKUP_SETTINGS };
    const parsed = backupSettingsSchema.safeParse(json);
    if (parsed.success) return parsed.data;
    this.#log(`${file} does not hold valid backup settings (${describeIssues(parsed.error)}): the defaults are used.`);
    return { ...DEFAULT_BACKUP_SETTINGS };
  }

  /** Saves the settings, then deletes the backups they no longer keep. */
  async setSettings(settings: BackupSettings): Promise<BackupSettings> {
    await this.start();
    const file = path.join(this.folder, SETTINGS_FILE);
    try {
      await writeFileAtomic(file, `${JSON.stringify(settings, null, 2)}\n`);
    } catch (error) {
      throw new HostError(
        'write-failed',
        `The backup settings could not be saved in ${this.folder}: ${describeFileError(error)}. Check that this folder can be written to, then try again.`,
      );
    }
    await this.#exclusively(() => this.#prune(settings));
    return settings;
  }

  /** What the library held when last noted; null before the first note, or when the marker is not valid (logged). */
  async library(): Promise<BackupStatus['library']> {
    const file = path.join(this.folder, LIBRARY_FILE);
    const json = await this.#readJson(file);
    if (json === undefined) return null;
    const parsed = libraryMarkerSchema.safeParse(json);
    if (parsed.success) return parsed.data;
    this.#log(`${file} is not a valid library marker (${describeIssues(parsed.error)}): it is ignored.`);
    return null;
  }

  async noteLibrary(caseCount: number): Promise<void> {
    await this.start();
    const marker = { caseCount, notedAt: this.#now().toISOString() };
    try {
      await writeFileAtomic(path.join(this.folder, LIBRARY_FILE), `${JSON.stringify(marker)}\n`);
    } catch (error) {
      throw new HostError(
        'write-failed',
        `Casebook could not note the library in ${this.folder}: ${describeFileError(error)}. Check that this folder can be written to.`,
      );
    }
  }

  /** A JSON file's value; undefined when it is not there, or not JSON (logged). */
  async #readJson(file: string): Promise<unknown> {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') this.#log(`${file} could not be read: ${describeFileError(error)}.`);
      return undefined;
    }
    try {
      return JSON.parse(text) as unknown;
    } catch (error) {
      this.#log(`${file} is not JSON (${error instanceof Error ? error.message : String(error)}): it is ignored.`);
      return undefined;
    }
  }

  // The backups

  async status(): Promise<BackupStatus> {
    await this.start();
    const [settings, backups, library] = await Promise.all([this.settings(), this.list(), this.library()]);
    return { folder: this.folder, settings, backups, library };
  }

  /** Every readable backup in the folder, newest first; other files are left out (logged once each). */
  async list(): Promise<BackupEntry[]> {
    await this.start();
    const names = (await readdir(this.folder, { withFileTypes: true }))
      .filter((entry) => entry.isFile() && isBackupFileName(entry.name))
      .map((entry) => entry.name);
    for (const name of this.#manifests.keys()) if (!names.includes(name)) this.#forget(name);
    const entries: BackupEntry[] = [];
    for (const name of names) {
      const entry = await this.#describe(name).catch((error: unknown) => {
        this.#log(`the backup ${name} could not be read: ${describeFileError(error)}.`);
        return null;
      });
      if (entry) entries.push(entry);
    }
    return entries.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.fileName.localeCompare(a.fileName));
  }

  /** The entry of one file in the folder, from its manifest (read again only when the file changed); null when it is no backup. */
  async #describe(fileName: string): Promise<BackupEntry | null> {
    const filePath = path.join(this.folder, fileName);
    const stats = await stat(filePath);
    const stamp = `${stats.size}:${stats.mtimeMs}`;
    let known = this.#manifests.get(fileName);
    if (known?.stamp !== stamp) {
      let manifest: BackupManifest | null = null;
      try {
        manifest = await readBackupManifest(filePath);
      } catch (error) {
        this.#log(`${filePath} is left out of the backups: ${error instanceof Error ? error.message : String(error)}.`);
      }
      known = { stamp, manifest };
      this.#manifests.set(fileName, known);
    }
    if (!known.manifest) return null;
    const { manifest } = known;
    return {
      token: this.#tokens.pin(filePath),
      fileName,
      caseId: manifest.case.id,
      caseName: manifest.case.name,
      createdAt: manifest.exportedAt,
      size: stats.size,
      counts: manifest.counts,
      reason: reasonOfFileName(fileName),
    };
  }

  #forget(fileName: string): void {
    this.#manifests.delete(fileName);
    this.#tokens.unpin(path.join(this.folder, fileName));
  }

  /** Deletes the backups the settings do not keep. A file that will not go is logged and tried again next time. */
  async #prune(settings: BackupSettings): Promise<void> {
    let entries: BackupEntry[];
    try {
      entries = await this.list();
    } catch (error) {
      this.#log(`the old backups in ${this.folder} could not be listed to prune them: ${describeFileError(error)}.`);
      return;
    }
    const keep = backupsToKeep(entries, this.#now(), settings);
    for (const entry of entries) {
      if (keep.has(entry.fileName)) continue;
      try {
        await rm(path.join(this.folder, entry.fileName), { force: true });
        this.#forget(entry.fileName);
      } catch (error) {
        this.#log(`the old backup ${entry.fileName} could not be deleted: ${describeFileError(error)}.`);
      }
    }
  }

  #exclusively<T>(task: () => Promise<T>): Promise<T> {
    const run = this.#exclusive.then(task, task);
    this.#exclusive = run.catch(() => undefined);
    return run;
  }

  // Writing a backup

  /** Opens the temporary file a case's backup is written to; its bytes follow with `write`. */
  async begin(request: { caseName: string; reason: BackupReason }): Promise<{ writeId: string }> {
    await this.start();
    await this.#dropAbandoned();
    const writeId = randomUUID();
    const tempPath = path.join(this.#partialFolder, `${writeId}.partial`);
    let handle: FileHandle;
    try {
      handle = await open(tempPath, 'wx');
    } catch (error) {
      throw this.#writeFailed(request.caseName, error);
    }
    this.#writes.set(writeId, {
      caseName: request.caseName,
      baseName: backupBaseName(request.caseName, this.#now(), request.reason),
      tempPath,
      handle,
      queue: Promise.resolve(),
      failure: null,
      touchedAt: this.#now().getTime(),
    });
    return { writeId };
  }

  /** Appends the next bytes of a backup, after those sent before them. */
  async write(writeId: string, bytes: Uint8Array): Promise<void> {
    const write = this.#writeOf(writeId);
    write.touchedAt = this.#now().getTime();
    const appended = write.queue.then(async () => {
      if (write.failure) throw write.failure;
      try {
        await write.handle!.writeFile(bytes);
      } catch (error) {
        write.failure = this.#writeFailed(write.caseName, error);
        // What was written is of no use now, and on a full disk its room is needed.
        await this.#discard(write);
        throw write.failure;
      }
    });
    write.queue = appended.catch(() => undefined);
    await appended;
  }

  /**
   * Ends a backup. Committed, the file is flushed to disk and takes its name among the backups, the ones the settings
   * no longer keep are deleted, and the answer is its entry; otherwise it is deleted and the answer is null.
   */
  async finish(writeId: string, commit: boolean): Promise<BackupEntry | null> {
    const write = this.#writeOf(writeId);
    this.#writes.delete(writeId);
    await write.queue;
    if (!commit) {
      await this.#discard(write);
      return null;
    }
    const fileName = backupFileName(write.baseName);
    try {
      if (write.failure) throw write.failure;
      const entry = await this.#exclusively(() => this.#commit(write));
      this.#finished(entry.fileName, null);
      return entry;
    } catch (error) {
      this.#finished(fileName, error instanceof Error ? error.message : String(error));
      throw error;
    }
  }

  async #commit(write: Write): Promise<BackupEntry> {
    let fileName: string;
    try {
      await write.handle!.sync();
      await write.handle!.close();
      write.handle = null;
      fileName = await this.#freeName(write.baseName);
      await rename(write.tempPath, path.join(this.folder, fileName));
    } catch (error) {
      await this.#discard(write);
      throw this.#writeFailed(write.caseName, error);
    }
    await this.#syncFolder();
    const entry = await this.#describe(fileName).catch(() => null);
    if (!entry) {
      await rm(path.join(this.folder, fileName), { force: true });
      this.#forget(fileName);
      throw new HostError(
        'invalid-request',
        `The backup of “${write.caseName}” was not kept: what was written is not a Casebook archive with its manifest.`,
      );
    }
    await this.#prune(await this.settings());
    return entry;
  }

  /** The first name of the series not taken in the folder. */
  async #freeName(baseName: string): Promise<string> {
    for (let copy = 1; ; copy++) {
      const fileName = backupFileName(baseName, copy);
      try {
        await stat(path.join(this.folder, fileName));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return fileName;
        throw error;
      }
    }
  }

  /** Flushes the folder's entry of the renamed file, where the system can (Windows cannot open a folder). */
  async #syncFolder(): Promise<void> {
    if (process.platform === 'win32') return;
    try {
      const folder = await open(this.folder, 'r');
      try {
        await folder.sync();
      } finally {
        await folder.close();
      }
    } catch {
      // The rename stands; only its durability across a power cut is less certain.
    }
  }

  #writeOf(writeId: string): Write {
    const write = this.#writes.get(writeId);
    if (!write)
      throw new HostError(
        'not-found',
        'Casebook is not writing this backup: it was finished or cancelled already, or Casebook restarted since it began. Start the backup again.',
      );
    return write;
  }

  async #discard(write: Write): Promise<void> {
    try {
      await write.handle?.close();
    } catch {
      // Closing a handle whose disk failed can fail too; the file goes all the same.
    }
    write.handle = null;
    await rm(write.tempPath, { force: true }).catch((error: unknown) =>
      this.#log(`the unfinished backup ${write.tempPath} could not be deleted: ${describeFileError(error)}.`),
    );
  }

  async #dropAbandoned(): Promise<void> {
    const now = this.#now().getTime();
    for (const [writeId, write] of this.#writes) {
      if (now - write.touchedAt < ABANDONED_MS) continue;
      this.#writes.delete(writeId);
      await write.queue;
      await this.#discard(write);
    }
  }

  #writeFailed(caseName: string, error: unknown): HostError {
    return new HostError(
      'write-failed',
      `The backup of “${caseName}” could not be written in ${this.folder}: ${describeFileError(error)}. Make room on the disk or check that this folder can be written to, then back up again.`,
    );
  }

  #finished(fileName: string, error: string | null): void {
    const clip = (text: string) => (text.length > EVENT_TEXT ? `${text.slice(0, EVENT_TEXT - 1)}…` : text);
    this.#onFinished({ fileName: clip(fileName), finishedAt: this.#now().toISOString(), error: error === null ? null : clip(error) });
  }
}
