import type { AnyCommandId } from '../../../shared/commands';
import { isTextField, matchesShortcut, type KeyPress } from './shortcuts';
import type { Command, CommandContext } from './types';

/** What became of a request to run a command. */
export type RunOutcome = 'ran' | 'unavailable' | 'unknown';

/** A keydown as the registry reads it: the key, where it was pressed, and whether something already handled it. */
export type KeyDown = KeyPress & Pick<KeyboardEvent, 'target' | 'defaultPrevented' | 'isComposing' | 'preventDefault'>;

/**
 * The commands, each registered once, and the rules by which they run: only when enabled in the current context, and
 * from the keyboard only when no dialog holds the keyboard and, inside a text field, only if the command says so.
 */
export class CommandRegistry {
  readonly #commands = new Map<AnyCommandId, Command>();

  constructor(
    commands: readonly Command[],
    /** Told when a command's work fails after it started (a file dialog that could not open...). */
    private readonly onError: (command: Command, error: unknown) => void = (command, error) =>
      console.error(`[casebook] ${command.id} failed`, error),
  ) {
    this.register(commands);
  }

  /** Adds commands whose code loads later than the app's (the editor's, with the editor). */
  register(commands: readonly Command[]): void {
    for (const command of commands) {
      if (this.#commands.has(command.id)) throw new Error(`The command ${command.id} is registered twice`);
      this.#commands.set(command.id, command);
    }
  }

  /** Every command, in the order registered. */
  get all(): readonly Command[] {
    return [...this.#commands.values()];
  }

  get(id: AnyCommandId): Command | undefined {
    return this.#commands.get(id);
  }

  /** The commands that can run in this context, in the order registered. */
  available(context: CommandContext): Command[] {
    return this.all.filter((command) => command.enabled(context));
  }

  /** The command whose shortcut this key press is, enabled or not, among those the registry runs from the keyboard. */
  forKeyPress(press: KeyPress, mac: boolean): Command | undefined {
    return this.all.find((command) => command.fromKeyboard && command.shortcut && matchesShortcut(press, command.shortcut, mac));
  }

  /** Runs a command if it is enabled here; a failure of work it started goes to `onError`. */
  run(id: AnyCommandId, context: CommandContext): RunOutcome {
    const command = this.#commands.get(id);
    if (!command) return 'unknown';
    if (!command.enabled(context)) return 'unavailable';
    try {
      const work = command.perform(context);
      if (work instanceof Promise) work.catch((error: unknown) => this.onError(command, error));
    } catch (error) {
      this.onError(command, error);
    }
    return 'ran';
  }

  /**
   * Runs the command a key press stands for, if any may run now; returns whether one ran. A key something else
   * already handled, a key typed while composing (an input method), a key in a modal dialog, a key typed into a text
   * field (unless the command works there) and the shortcut of a disabled command are all left alone, so the
   * browser or the field gets them as usual.
   */
  handleKeyDown(event: KeyDown, context: CommandContext, mac: boolean): boolean {
    if (event.defaultPrevented || event.isComposing) return false;
    const command = this.forKeyPress(event, mac);
    if (!command) return false;
    if (globalThis.document?.querySelector('dialog[open]')) return false;
    if (!command.inTextFields && isTextField(event.target)) return false;
    if (!command.enabled(context)) return false;
    event.preventDefault();
    this.run(command.id, context);
    return true;
  }
}
