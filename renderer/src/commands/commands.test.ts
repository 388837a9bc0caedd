// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { COMMAND_IDS } from '../../../shared/commands';
import { SECTIONS } from '../features/workspace/sections';
import { commandHint, commandRegistry, goToSectionId } from '.';
import { routeOf } from './route';
import type { CommandContext, CommandTargets } from './types';

function at(pathname: string, targets: CommandTargets = {}) {
  const navigate = vi.fn();
  const context: CommandContext = { route: routeOf(pathname), navigate, targets };
  const enabled = commandRegistry.available(context).map((command) => command.id);
  return { context, navigate, enabled };
}

describe('the app’s commands', () => {
  it('are every declared command, each registered once', () => {
    expect(commandRegistry.all.map((command) => command.id).sort()).toEqual([...COMMAND_IDS].sort());
  });

  it('open every section of the workspace', () => {
    for (const section of SECTIONS) expect(commandRegistry.get(goToSectionId(section.path))?.label).toBe(`Go to ${section.label}`);
    expect(() => goToSectionId('graph')).toThrow('The section “graph” has no command that opens it');
  });

  it('offer in the library only what needs no case: the palette, importing a case archive, and the storage view', () => {
    expect(at('/', { openPalette: () => undefined }).enabled).toEqual(['palette.open', 'archive.import', 'storage.show']);
    expect(at('/').enabled).toEqual(['archive.import', 'storage.show']);
    // Exporting one needs a case open.
    expect(at('/case/c1', { exportArchive: () => undefined }).enabled).toContain('archive.export');
  });

  it('offer in a case its sections and new records; import and find only while their targets are offered', () => {
    const inCase = at('/case/c1/entities/e7').enabled;
    expect(inCase).toContain('go.library');
    expect(inCase).toContain('go.notes');
    expect(inCase).toContain('new.event');
    expect(inCase).not.toContain('documents.import');
    expect(inCase).not.toContain('document.find');
    const reading = at('/case/c1/documents/d1', { importFiles: () => undefined, findInDocument: () => undefined }).enabled;
    expect(reading).toContain('documents.import');
    expect(reading).toContain('document.find');
  });

  it('go where they say', () => {
    const { context, navigate } = at('/case/c1/documents/d1');
    for (const id of ['go.entities', 'go.overview', 'new.event', 'new.document', 'go.library'] as const)
      commandRegistry.run(id, context);
    expect(navigate.mock.calls.map(([to]) => to)).toEqual([
      '/case/c1/entities',
      '/case/c1',
      '/case/c1/timeline/new',
      '/case/c1/documents/new',
      '/',
    ]);
  });

  it('open the types dialogs over Entities, keeping the entity open there', () => {
    const paths = (pathname: string) => {
      const { context, navigate } = at(pathname);
      commandRegistry.run('entityTypes.open', context);
      commandRegistry.run('relationshipTypes.open', context);
      return navigate.mock.calls.map(([to]) => to);
    };
    expect(paths('/case/c1/documents/d1')).toEqual(['/case/c1/entities?types=entity', '/case/c1/entities?types=relationship']);
    expect(paths('/case/c1/entities/e7')).toEqual(['/case/c1/entities/e7?types=entity', '/case/c1/entities/e7?types=relationship']);
    expect(paths('/case/c1/entities/chart')[1]).toBe('/case/c1/entities?types=relationship');
    expect(at('/').enabled).not.toContain('relationshipTypes.open');
  });

  it('reach what the screen offers', () => {
    const findInDocument = vi.fn();
    const importFiles = vi.fn();
    const { context } = at('/case/c1/documents/d1', { findInDocument, importFiles });
    commandRegistry.run('document.find', context);
    commandRegistry.run('documents.import', context);
    expect(findInDocument).toHaveBeenCalledOnce();
    expect(importFiles).toHaveBeenCalledOnce();
  });

  it('step through the open document’s excerpts with Alt+Down and Alt+Up', () => {
    const stepExcerpt = vi.fn();
    const { context } = at('/case/c1/documents/d1', { stepExcerpt });
    const key = (key: string, altKey = true) =>
      commandRegistry.handleKeyDown(new KeyboardEvent('keydown', { key, code: key, altKey, cancelable: true }), context, false);
    expect(key('ArrowDown')).toBe(true);
    expect(key('ArrowUp')).toBe(true);
    expect(key('ArrowDown', false)).toBe(false);
    expect(stepExcerpt.mock.calls).toEqual([['next'], ['previous']]);
    expect(at('/case/c1/documents/d1').enabled).not.toContain('excerpt.next');
  });
});

describe('routeOf', () => {
  it('reads the case, section and record', () => {
    expect(routeOf('/')).toEqual({ caseId: null, section: null, recordId: null });
    expect(routeOf('/case/c1')).toEqual({ caseId: 'c1', section: '', recordId: null });
    expect(routeOf('/case/c1/')).toEqual({ caseId: 'c1', section: '', recordId: null });
    expect(routeOf('/case/c1/timeline/new')).toEqual({ caseId: 'c1', section: 'timeline', recordId: 'new' });
    expect(routeOf('/case/a%20b/search')).toEqual({ caseId: 'a b', section: 'search', recordId: null });
  });
});

describe('commandHint', () => {
  it('gives a button its command’s label and shortcut, as the system writes it', () => {
    expect(commandHint('documents.import', false)).toEqual({ title: 'Import files (Ctrl+O)', 'aria-keyshortcuts': 'Control+O' });
    expect(commandHint('documents.import', true)).toEqual({ title: 'Import files (⌘O)', 'aria-keyshortcuts': 'Meta+O' });
    expect(commandHint('new.entity')).toEqual({ title: 'New entity' });
  });
});
