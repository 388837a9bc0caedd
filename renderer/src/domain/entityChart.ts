/**
 * What the entities' views keep between sessions: the suggestions a researcher dismissed (never offered again in the
 * case) and the link chart as arranged by hand.
 */
import type { ChartLayout, ChartPosition, DismissedSuggestion } from '../../../shared/domain';
import { chartLayoutInputSchema, dismissSuggestionSchema, type ChartLayoutInput } from '../../../shared/validation';
import type { CasebookDB } from '../db/schema';
import { dismissedSuggestionsOf } from '../db/queries/entities';
import { suggestionKey } from '../suggestions/keys';
import { entityTables, entityTypeIn } from './entities';
import { now, parseInput, quoted, writeCase } from './writeCase';

/**
 * Remembers that a name is not to be suggested again as an entity of this type in this case. It is kept under the
 * suggestion's own key (`suggestionKey`: case, accents, possessive and a company's legal form folded), which is what
 * the suggester compares, so "Frédéric Van Leeuw" dismissed is "Frederic van Leeuw" too. Dismissing it again changes
 * nothing (and adds no history).
 */
export async function dismissSuggestion(
  db: CasebookDB,
  caseId: string,
  suggestion: { name: string; type: string },
): Promise<DismissedSuggestion> {
  const { name, type } = parseInput(dismissSuggestionSchema, suggestion);
  const key = suggestionKey(name);
  const already = await db.dismissedSuggestions.get([caseId, key, type]);
  if (already) return already;
  return writeCase(db, caseId, ['dismissedSuggestions', ...entityTables(type)], async () => {
    const typeLabel = await entityTypeIn(db, caseId, type);
    const dismissed: DismissedSuggestion = { caseId, key, type, name, dismissedAt: now() };
    await db.dismissedSuggestions.put(dismissed);
    return {
      result: dismissed,
      change: { action: 'update', summary: `Dismissed the suggestion ${quoted(name)} (${typeLabel}): it will not be suggested again`, records: [] },
    };
  });
}

/** The suggestions dismissed in a case, for the suggester to leave out. */
export const dismissedSuggestions = (db: CasebookDB, caseId: string): Promise<DismissedSuggestion[]> => dismissedSuggestionsOf(db, caseId);

/**
 * Keeps where entities were placed on the link chart: the positions given are set (null takes an entity off the
 * arrangement), the others stay. Positions of entities no longer in the case are left out, so the arrangement never
 * names an entity that is gone.
 */
export async function saveChartLayout(db: CasebookDB, caseId: string, positions: ChartLayoutInput): Promise<ChartLayout> {
  const given = parseInput(chartLayoutInputSchema, positions);
  return writeCase(db, caseId, ['chartLayouts', 'entities'], async () => {
    const ids = Object.keys(given);
    const entities = await db.entities.bulkGet(ids);
    const layout = (await db.chartLayouts.get(caseId)) ?? { caseId, positions: {}, updatedAt: '' };
    const placed: Record<string, ChartPosition> = { ...layout.positions };
    let moved = 0;
    for (const [index, id] of ids.entries()) {
      const position = given[id];
      if (!position) {
        if (placed[id]) moved++;
        delete placed[id];
      } else if (entities[index]?.caseId === caseId) {
        placed[id] = { x: position.x, y: position.y };
        moved++;
      }
    }
    const saved: ChartLayout = { caseId, positions: placed, updatedAt: now() };
    await db.chartLayouts.put(saved);
    return {
      result: saved,
      change: {
        action: 'update',
        summary: `Arranged the link chart (${moved.toLocaleString('en')} ${moved === 1 ? 'entity' : 'entities'} moved)`,
        records: [],
      },
    };
  });
}
