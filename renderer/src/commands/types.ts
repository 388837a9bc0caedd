import { COMMANDS, type AnyCommandId, type CommandId, type Shortcut } from '../../../shared/commands';
import type { EditorCommandId } from '../../../shared/editorCommands';

/** The formats other tools read that a case is exported in (renderer/src/exchange/). */
export type ExchangeFormat = 'followTheMoney' | 'refiQda';

/** Where the researcher is, read from the route. */
export interface RouteContext {
  /** The open case, or null in the library. */
  caseId: string | null;
  /** The open section's path: '' for the overview, 'entities', 'search'...; null in the library. */
  section: string | null;
  /** The record open in the section ('new' while adding one), or null. */
  recordId: string | null;
}

/**
 * What the screen offers commands to act on right now. Each is set by the component that owns it while it is shown
 * (`useCommandTarget`), so a command reaches the open document's find bar without knowing the document.
 */
export interface CommandTargets {
  /** The command palette; always offered. */
  openPalette?: () => void;
  /** The open case's import from the file dialog; offered while a case is open and no import runs. */
  importFiles?: () => void | Promise<void>;
  /** The open case's report: opens the export dialog; offered while a case is open. */
  exportReport?: () => void;
  /** The open case as a `.casebook` archive: asks where, then writes it; offered while a case is open. */
  exportArchive?: () => void;
  /** Saves the open case in another tool's format (FollowTheMoney, REFI-QDA); offered while a case is open. */
  exportExchange?: (format: ExchangeFormat) => Promise<void>;
  /** Find in the open document; offered while its view can be searched. */
  findInDocument?: () => void;
  /** Mark the words selected in the open document as an excerpt; offered while some are selected there. */
  markExcerpt?: () => void;
  /** Make an entity of the words selected in the open document, or link them to one; offered while some are selected. */
  selectionToEntity?: (how: 'new' | 'link') => void;
  /** Show the people, organisations and places the open document names; offered while it has text. */
  suggestEntities?: () => void;
  /** Show the dates the open document's text gives, to make events of; offered while it has text. */
  findDates?: () => void;
  /** The excerpt the reader's side panel shows, to make an event from; offered while it shows one. */
  excerptForEvent?: () => string;
  /** Show the open document's next or previous excerpt; offered while its view shows some. */
  stepExcerpt?: (direction: 'next' | 'previous') => void;
  /** The rich-text editor that has the focus (or had it before the palette took it): whether it can, or runs, a command. */
  editor?: (id: EditorCommandId, how: 'can' | 'run') => boolean;
}

/** What a command sees when it decides whether it can run, and when it runs. */
export interface CommandContext {
  route: RouteContext;
  navigate(to: string): void;
  targets: CommandTargets;
}

/**
 * One thing the researcher can do, registered once: the keyboard, the buttons that show it, the command palette and
 * the application menu all reach it through the registry.
 */
export interface Command {
  id: AnyCommandId;
  label: string;
  shortcut: Shortcut | null;
  /** Whether its shortcut also works while the focus is in a text field; otherwise those keys are left to typing. */
  inTextFields: boolean;
  /** Whether the registry runs it from its shortcut; not when the component it acts on handles the keys itself. */
  fromKeyboard: boolean;
  /** Whether the palette lists it. */
  inPalette: boolean;
  /** Whether it can run here and now. */
  enabled(context: CommandContext): boolean;
  /** What to do to make it available, said when it is chosen from the menu where it cannot run. */
  whenUnavailable: string;
  perform(context: CommandContext): void | Promise<void>;
}

type Behaviour = Pick<Command, 'enabled' | 'perform'> & Partial<Pick<Command, 'inTextFields' | 'inPalette' | 'whenUnavailable'>>;

/** A command with its label and shortcut as `shared/commands.ts` declares them, and the behaviour given here. */
export function defineCommand(id: CommandId, behaviour: Behaviour): Command {
  const { label, shortcut } = COMMANDS[id];
  return { id, label, shortcut, inTextFields: false, fromKeyboard: true, inPalette: true, whenUnavailable: '', ...behaviour };
}
