import { Node, mergeAttributes, type Editor, type Range } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import Suggestion, { type SuggestionProps } from '@tiptap/suggestion';
import type { RecordRef } from '../../../../../shared/domain';
import {
  EXCERPT_QUOTE_NODE,
  RECORD_LINK_NODE,
  type RecordLinkAttrs,
  type RecordLinkStyle,
} from '../../../../../shared/textReferences';
import { RECORD_TYPES } from '../../../../../shared/vocabulary';
import type { CaseText, RecordChoice, ShownRecord } from '../../caseText';
import { caseTextOf, shownRecordsOf } from '../../connectCaseText';
import { SuggestionMenu } from './SuggestionMenu';
import { linkOptions, looksLikeName, mentionOptions, optionText, type SuggestionOption } from './options';

export interface RecordLinkOptions {
  /** What opens the list of the case's entities to mention. */
  mentionChar: string;
  /** What opens the list of every record of the case to link to. */
  linkChars: string;
  /** Most records either list shows. */
  shown: number;
  HTMLAttributes: Record<string, unknown>;
}

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    recordLink: {
      /** Puts a mention of, or a link to, a record at the caret (an event as a dated line of its own). */
      insertRecordLink: (attrs: Omit<RecordLinkAttrs, 'label'> & { label: string }) => ReturnType;
    };
  }
}

/** A record link as stored, from a record chosen or dropped. */
export function recordLinkNode(ref: RecordRef, title: string, as: RecordLinkStyle) {
  return { type: RECORD_LINK_NODE, attrs: { type: ref.type, id: ref.id, label: title, as } };
}

/** An excerpt as a quote block, as stored. */
export function excerptQuoteNode(id: string, quote: string, citation: string) {
  return { type: EXCERPT_QUOTE_NODE, attrs: { id, quote, citation } };
}

/** What a record link says: its record's current title (an event's with its date first), or the title it was written with. */
export function shownText(attrs: Pick<RecordLinkAttrs, 'label' | 'as'>, shown: ShownRecord | undefined): string {
  const title = shown && !shown.missing ? shown.title : attrs.label;
  return attrs.as === 'dated' && shown?.when ? `${shown.when} — ${title}` : title;
}

/**
 * A mention of an entity (`@`) or a link to any record (`[[`), stored by type and id with the title it had when
 * written. It shows the record as the case has it now (renamed, merged into another, or deleted: then its old title,
 * marked missing), and opens it with Ctrl+click (Cmd+click on a Mac) in the editor, a plain click where text is shown.
 */
export const RecordLink = Node.create<RecordLinkOptions>({
  name: RECORD_LINK_NODE,
  group: 'inline',
  inline: true,
  atom: true,
  selectable: true,
  // Before SubmitOnEnter: Enter picks from an open list rather than sending the form.
  priority: 1100,

  addOptions() {
    return { mentionChar: '@', linkChars: '[[', shown: 8, HTMLAttributes: {} };
  },

  addAttributes() {
    return {
      type: { default: 'entity', parseHTML: (element) => element.getAttribute('data-record-type'), renderHTML: () => ({}) },
      id: { default: '', parseHTML: (element) => element.getAttribute('data-record-id'), renderHTML: () => ({}) },
      label: { default: '', parseHTML: (element) => element.getAttribute('data-label') ?? element.textContent, renderHTML: () => ({}) },
      as: { default: 'link', parseHTML: (element) => element.getAttribute('data-as') ?? 'link', renderHTML: () => ({}) },
    };
  },

  parseHTML() {
    return [{ tag: `[data-record-id][data-record-type]:not([data-excerpt-quote])` }];
  },

  renderHTML({ node, HTMLAttributes }) {
    const attrs = node.attrs as RecordLinkAttrs;
    return [
      'a',
      mergeAttributes(this.options.HTMLAttributes, HTMLAttributes, {
        class: `record-link ${attrs.as}`,
        'data-record-type': attrs.type,
        'data-record-id': attrs.id,
        'data-label': attrs.label,
        'data-as': attrs.as,
      }),
      attrs.label,
    ];
  },

  renderText({ node }) {
    return (node.attrs as RecordLinkAttrs).label;
  },

  addCommands() {
    return {
      insertRecordLink:
        (attrs) =>
        ({ commands }) =>
          commands.insertContent(recordLinkNode({ type: attrs.type, id: attrs.id }, attrs.label, attrs.as)),
    };
  },

  addNodeView() {
    return ({ node, editor }) => {
      // One element and its text for each mention (a note may hold thousands): the "(deleted)" read out for a missing
      // one is the only extra node, and only then.
      const dom = document.createElement('span');
      const shown = shownRecordsOf(editor);
      let attrs = node.attrs as RecordLinkAttrs;
      // Writes only what changed: a node view is updated on every change of its paragraph, and each DOM write costs.
      let painted = '';
      const paint = () => {
        const record = shown.get(attrs);
        const gone = shown.known && (!record || record.missing);
        const words = shownText(attrs, record);
        const key = `${words}|${gone}|${attrs.as}|${attrs.type}:${attrs.id}`;
        if (key === painted) return;
        painted = key;
        dom.textContent = words;
        if (gone) {
          const note = document.createElement('span');
          note.className = 'visually-hidden';
          note.textContent = ' (deleted)';
          dom.append(note);
        }
        dom.className = `record-link ${attrs.as}${gone ? ' missing' : ''}`;
        dom.dataset.recordType = attrs.type;
        dom.dataset.recordId = attrs.id;
      };
      paint();
      const stop = shown.subscribe(paint);
      return {
        dom,
        update: (updated) => {
          if (updated.type.name !== RECORD_LINK_NODE) return false;
          attrs = updated.attrs as RecordLinkAttrs;
          paint();
          return true;
        },
        destroy: stop,
        ignoreMutation: () => true,
      };
    };
  },

  addProseMirrorPlugins() {
    const { editor } = this;
    const most = this.options.shown;
    return [
      recordSuggestion(editor, {
        char: this.options.mentionChar,
        key: new PluginKey('recordMention'),
        label: 'Entities to mention',
        allowSpaces: true,
        allowedPrefixes: [' ', '(', '\u00a0'],
        find: async (caseText, typed) => (looksLikeName(typed) ? mentionOptions(typed, (await caseText.findEntities(typed)).slice(0, most)) : []),
      }),
      recordSuggestion(editor, {
        char: this.options.linkChars,
        key: new PluginKey('recordLinkTo'),
        label: 'Records to link',
        allowSpaces: true,
        allowedPrefixes: null,
        find: async (caseText, typed) => (looksLikeName(typed) ? linkOptions((await caseText.findRecords(typed)).slice(0, most)) : []),
      }),
      new Plugin({
        key: new PluginKey('recordLinkOpen'),
        props: {
          // Ctrl+click (Cmd+click) opens the record; a plain click places the caret, as in any text.
          handleClick(view, _pos, event) {
            if (!(event.ctrlKey || event.metaKey)) return false;
            const target = (event.target as HTMLElement).closest<HTMLElement>('[data-record-id]');
            const caseText = caseTextOf(editor);
            if (!target || !caseText || !view.dom.contains(target)) return false;
            const ref = { type: target.dataset.recordType as RecordRef['type'], id: target.dataset.recordId ?? '' };
            if (!RECORD_TYPES.includes(ref.type)) return false;
            const shown = shownRecordsOf(editor).get(ref);
            if (!shown || shown.missing) return false;
            caseText.open(shown.sourcePath && target.dataset.excerptQuote !== undefined ? shown.sourcePath : shown.path);
            return true;
          },
        },
      }),
    ];
  },
});

interface SuggestionConfig {
  char: string;
  key: PluginKey;
  label: string;
  allowSpaces: boolean;
  /** What may come just before the trigger: `@` after a space or at a line's start (not in an address), `[[` anywhere. */
  allowedPrefixes: string[] | null;
  find: (caseText: CaseText, typed: string) => Promise<SuggestionOption[]>;
}

/** Puts what an option names in place of the typed `@name` or `[[words`. */
function insertChosen(editor: Editor, range: Range, option: SuggestionOption, choice: RecordChoice): void {
  const chain = editor.chain().focus();
  if (option.kind === 'quote') {
    chain.insertContentAt(range, excerptQuoteNode(choice.ref.id, choice.quote ?? choice.title, choice.citation ?? '')).run();
    return;
  }
  const as = option.kind === 'insert' ? option.as : 'mention';
  if (as === 'dated') {
    // A dated line is a paragraph of its own.
    chain.insertContentAt(range, { type: 'paragraph', content: [recordLinkNode(choice.ref, choice.title, 'dated')] }).run();
    return;
  }
  chain.insertContentAt(range, [recordLinkNode(choice.ref, choice.title, as), { type: 'text', text: ' ' }]).run();
}

/** The list one trigger opens: its options found in the case, chosen by keyboard or click. */
function recordSuggestion(editor: Editor, config: SuggestionConfig) {
  return Suggestion<SuggestionOption, { option: SuggestionOption; choice: RecordChoice }>({
    editor,
    char: config.char,
    pluginKey: config.key,
    allowSpaces: config.allowSpaces,
    allowedPrefixes: config.allowedPrefixes,
    // Outside a case there is nothing to mention: the character is typed as itself.
    allow: () => caseTextOf(editor) !== null,
    items: ({ query }) => {
      const caseText = caseTextOf(editor);
      return caseText ? config.find(caseText, query) : [];
    },
    command: ({ editor, range, props }) => insertChosen(editor, range, props.option, props.choice),
    render: () => {
      let menu: SuggestionMenu | null = null;
      let unmount: (() => void) | null = null;
      let props: SuggestionProps<SuggestionOption, { option: SuggestionOption; choice: RecordChoice }> | null = null;
      // After "Create entity": the types to choose from, the usual first.
      let types: { value: string; label: string }[] | null = null;
      let creating: string | null = null;

      const choose = (index: number) => {
        if (!props) return;
        if (types && creating !== null) {
          const type = types[index];
          if (type) void create(creating, type.value);
          return;
        }
        const option = props.items[index];
        if (!option) return;
        if (option.kind === 'create') {
          void offerTypes(option.name);
          return;
        }
        props.command({ option, choice: option.choice });
      };

      const offerTypes = async (name: string) => {
        const caseText = caseTextOf(editor);
        if (!caseText || !menu) return;
        creating = name;
        types = await caseText.entityTypes();
        menu.show(`Type of the new entity “${name}”`, types.map((type) => ({ text: type.label })));
        menu.say(`Choose the type of “${name}”, then Enter.`);
      };

      const create = async (name: string, type: string) => {
        const caseText = caseTextOf(editor);
        if (!caseText || !menu) return;
        try {
          const choice = await caseText.createEntity(name, type);
          props?.command({ option: { kind: 'insert', choice, as: 'mention' }, choice });
        } catch (error) {
          menu?.say(error instanceof Error ? error.message : `“${name}” could not be made an entity.`);
        }
      };

      const paint = () => {
        if (!menu || !props) return;
        types = null;
        creating = null;
        const items = props.items.map(optionText);
        const none = props.loading ? 'Finding…' : props.query.trim() ? `Nothing in this case matches “${props.query.trim()}”.` : '';
        menu.show(config.label, items, none);
      };

      return {
        onStart: (next) => {
          props = next;
          menu = new SuggestionMenu(editor.view.dom, config.label, choose);
          unmount = next.mount(menu.element);
          paint();
        },
        onUpdate: (next) => {
          props = next;
          paint();
        },
        onKeyDown: ({ event }) => {
          if (!menu) return false;
          if (event.key === 'Escape') return true;
          if (!menu.open) return event.key === 'Enter' && props?.loading === true;
          if (event.key === 'ArrowDown') menu.move(1);
          else if (event.key === 'ArrowUp') menu.move(-1);
          else if (event.key === 'Enter' || event.key === 'Tab') menu.choose();
          else return false;
          return true;
        },
        onExit: () => {
          unmount?.();
          menu?.destroy();
          menu = null;
          unmount = null;
          props = null;
        },
      };
    },
  });
}
