const count = (value: number) => value.toLocaleString('en');

/** The records an archive holds, in words, from its manifest's counts: "12 documents, 340 excerpts, 25 entities, 40 events, 3 notes". */
export function holds(counts: Record<string, number>): string {
  const words: [string, string, string][] = [
    ['documents', 'document', 'documents'],
    ['excerpts', 'excerpt', 'excerpts'],
    ['entities', 'entity', 'entities'],
    ['events', 'event', 'events'],
    ['notes', 'note', 'notes'],
  ];
  return words.map(([table, one, many]) => `${count(counts[table] ?? 0)} ${(counts[table] ?? 0) === 1 ? one : many}`).join(', ');
}
