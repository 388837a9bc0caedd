import type { AttributeInput, EventInput } from '../../../shared/validation';
import type { CaseFile, RecordRef, RichText, TextAnchor } from '../../../shared/domain';
import { cleanName } from '../../../shared/validation';
import type { CasebookDB } from '../db/schema';
import {
  createCase,
  createEntity,
  createEntityType,
  createRelationship,
  createRelationshipType,
  createEvent,
  createExcerpt,
  createNote,
  createTag,
  createTextDocument,
  linkRecords,
} from '../domain';

/**
 * A fictional investigation, written by the Casebook team, that a new user can open to see every part of the app
 * filled in. Every name, place, company and event in it is invented.
 */
export const SAMPLE_CASE_NAME = 'Sample case: Operation Lantern Quay';

const paragraph = (text: string): RichText => ({
  type: 'doc',
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});

const ARTICLE = `Police dismantle encrypted phone network used to move cargo through Vellport

By Nadia Okafor, Harbour Herald
Published 14 March 2023

Police in three countries said on Tuesday they had taken down HalcyonText, an encrypted phone service that investigators say was used to organise cocaine shipments through the port of Vellport.

Since June 2022, officers had been able to read messages sent on the network, according to a statement from the Vellport public prosecutor. More than 40 people were arrested in dawn raids on 13 March 2023.

Among those detained was Dario Venn, 52, the director of Quayline Logistics, a freight forwarder with a warehouse on the Marlow Quay. His lawyer said he denied any wrongdoing.

Investigators say containers declared as frozen fish were loaded onto the MV Corran Bay in Port Aster and unloaded at Vellport, where dock workers moved them past customs checks.

"The users believed they were invisible," the chief prosecutor, Helena Strand, told reporters. "For nine months, they were not."`;

const PRESS_RELEASE = `Office of the Public Prosecutor, Vellport: statement on Operation Lantern Quay

On 13 March 2023 the police executed 61 search warrants in Vellport, Port Aster and Kessel. 43 suspects were arrested.

The investigation began in 2021, after customs officers found 1,200 kg of cocaine hidden in a container of frozen fish at the Marlow Quay.

From June 2022 investigators were able to read messages exchanged on the HalcyonText network. One user, known on the network as "Lantern", arranged the transport of at least 14 containers between October 2022 and February 2023.

The prosecution alleges that "Lantern" is the director of a freight forwarding company in Vellport. The suspects will appear before the investigating judge on 16 March 2023.`;

/** Where a quote sits in its document's text, so the sample's excerpts are anchored like real ones. */
function anchorOf(text: string, quote: string): TextAnchor {
  const start = text.indexOf(quote);
  if (start < 0) throw new Error(`Sample quote not found in its document: ${quote}`);
  const end = start + quote.length;
  return { start, end, prefix: text.slice(Math.max(0, start - 32), start), suffix: text.slice(end, end + 32), page: null };
}

/** Opens the sample case, creating it on first use. */
export async function createSampleCase(db: CasebookDB): Promise<CaseFile> {
  const existing = await db.cases.where('nameKey').equals(cleanName(SAMPLE_CASE_NAME).toLocaleLowerCase()).first();
  if (existing) return existing;

  const caseFile = await createCase(db, {
    name: SAMPLE_CASE_NAME,
    description: paragraph(
      'A fictional investigation into a freight forwarder suspected of using an encrypted phone network to move cocaine through a port. Explore it, change it, or delete it when you are done.',
    ),
  });
  const caseId = caseFile.id;

  const article = await createTextDocument(db, caseId, {
    title: 'Police dismantle encrypted phone network used to move cargo through Vellport',
    text: ARTICLE,
    sourceUrl: 'https://harbour-herald.example/2023/03/14/halcyontext-takedown',
  });
  const release = await createTextDocument(db, caseId, {
    title: 'Public Prosecutor, Vellport: statement on Operation Lantern Quay',
    text: PRESS_RELEASE,
    sourceUrl: null,
  });

  const entity = async (name: string, type: string, aliases: string[], description: string, attributes: AttributeInput[] = []) =>
    createEntity(db, caseId, { name, type, aliases, attributes, description: paragraph(description) });
  const month = (value: string) => ({ value, precision: 'month' as const });
  const venn = await entity('Dario Venn', 'person', ['Lantern'], 'Director of Quayline Logistics; arrested on 13 March 2023.', [
    { key: 'Age', value: '52', start: month('2023-03'), end: month('2023-03') },
    { key: 'Role', value: 'Director, Quayline Logistics' },
  ]);
  const strand = await entity('Helena Strand', 'person', [], 'Chief prosecutor, Vellport.', [{ key: 'Role', value: 'Chief prosecutor' }]);
  const quayline = await entity('Quayline Logistics', 'organisation', ['Quayline Logistics BV'], 'Freight forwarder with a warehouse on the Marlow Quay.', [
    { key: 'Address', value: 'Warehouse, Marlow Quay, Vellport' },
  ]);
  const halcyon = await entity('HalcyonText', 'organisation', ['Halcyon'], 'Encrypted phone service taken down in March 2023.');
  const vellport = await entity('Vellport', 'place', [], 'Port city; seat of the prosecutor’s office.');
  const marlowQuay = await entity('Marlow Quay', 'place', [], 'Quay in Vellport harbour.');
  const corranBay = await entity('MV Corran Bay', 'vessel', [], 'Reefer ship on the Port Aster – Vellport route.', [
    { key: 'Vessel type', value: 'Reefer (refrigerated cargo ship)' },
    { key: 'Route', value: 'Port Aster – Vellport', start: month('2022-10'), end: month('2023-02') },
  ]);
  // A type of the case's own, for the authorities of the investigation.
  const authority = await createEntityType(db, caseId, { name: 'Authority', colour: '#475569' });
  const prosecutor = await entity('Office of the Public Prosecutor, Vellport', authority.id, ['Vellport prosecutor'], 'Leads Operation Lantern Quay.');

  // A small codebook, with sub-tags, as a researcher would code this investigation.
  const tag = async (name: string, description: string, parent: { id: string } | null = null) =>
    (await createTag(db, caseId, { name, description, parentId: parent?.id ?? null })).id;
  const evidence = await tag('Evidence', 'What the sources establish.');
  const people = await tag('People', 'Who is involved, and under which names.');
  const codebook: Record<string, string> = {
    arrests: await tag('Arrests', 'Who was arrested, where and when.', { id: evidence }),
    interception: await tag('Interception', 'What was learnt from intercepted messages.', { id: evidence }),
    route: await tag('Route', 'How the cocaine travelled.', { id: evidence }),
    method: await tag('Method', 'How the smuggling was done.'),
    suspects: await tag('Suspects', 'People the prosecution names or points to.', { id: people }),
    alias: await tag('Aliases', 'Names used on the encrypted network.', { id: people }),
  };

  const excerpt = async (documentText: string, documentId: string, quote: string, tags: string[], comment: string) =>
    createExcerpt(db, caseId, {
      documentId,
      quote,
      anchor: anchorOf(documentText, quote),
      tags: tags.map((name) => codebook[name]!),
      comment: paragraph(comment),
    });
  const arrests = await excerpt(
    ARTICLE,
    article.id,
    'More than 40 people were arrested in dawn raids on 13 March 2023.',
    ['arrests'],
    'The prosecutor’s statement gives 43.',
  );
  const vennDetained = await excerpt(
    ARTICLE,
    article.id,
    'Among those detained was Dario Venn, 52, the director of Quayline Logistics, a freight forwarder with a warehouse on the Marlow Quay.',
    ['suspects'],
    'First public naming of Venn.',
  );
  const route = await excerpt(
    ARTICLE,
    article.id,
    'containers declared as frozen fish were loaded onto the MV Corran Bay in Port Aster and unloaded at Vellport',
    ['route', 'method'],
    'Check the Corran Bay’s port calls against the container dates.',
  );
  const readingMessages = await excerpt(
    PRESS_RELEASE,
    release.id,
    'From June 2022 investigators were able to read messages exchanged on the HalcyonText network.',
    ['interception'],
    'Month only: the exact day is not public.',
  );
  const lantern = await excerpt(
    PRESS_RELEASE,
    release.id,
    'The prosecution alleges that "Lantern" is the director of a freight forwarding company in Vellport.',
    ['suspects', 'alias'],
    'Points to Venn without naming him.',
  );

  // Each event with its place, participants and their roles, evidence, and how sure and settled it is.
  const event = async (title: string, value: string, precision: 'year' | 'month' | 'day', description: string, more: Partial<EventInput>) =>
    createEvent(db, caseId, { title, start: { value, precision }, description: paragraph(description), ...more });
  await event('Cocaine found in a container of frozen fish at the Marlow Quay', '2021', 'year', 'The start of the investigation.', {
    placeId: marlowQuay.id,
    confidence: 'probable',
    status: 'unverified',
  });
  await event('Investigators begin reading HalcyonText messages', '2022-06', 'month', 'Day not disclosed.', {
    participants: [{ entityId: halcyon.id, role: 'network intercepted' }],
    evidenceIds: [readingMessages.id],
    confidence: 'confirmed',
    status: 'undisputed',
  });
  await event('Raids and arrests in Vellport, Port Aster and Kessel', '2023-03-13', 'day', '61 warrants, 43 arrests.', {
    placeId: vellport.id,
    participants: [{ entityId: venn.id, role: 'arrested' }],
    evidenceIds: [arrests.id],
    confidence: 'confirmed',
    status: 'undisputed',
  });
  await event('Suspects before the investigating judge', '2023-03-16', 'day', 'Announced in the prosecutor’s statement.', {
    participants: [{ entityId: strand.id, role: 'prosecutor' }],
    confidence: 'probable',
    status: 'unverified',
  });

  const link = (from: RecordRef, to: RecordRef, kind: Parameters<typeof linkRecords>[2]['kind']) =>
    linkRecords(db, caseId, { from, to, kind });
  const ref = {
    entity: (id: string): RecordRef => ({ type: 'entity', id }),
    excerpt: (id: string): RecordRef => ({ type: 'excerpt', id }),
  };
  await link(ref.excerpt(vennDetained.id), ref.entity(venn.id), 'mentions');
  await link(ref.excerpt(vennDetained.id), ref.entity(quayline.id), 'mentions');
  await link(ref.excerpt(vennDetained.id), ref.entity(marlowQuay.id), 'mentions');
  await link(ref.excerpt(route.id), ref.entity(corranBay.id), 'mentions');
  await link(ref.excerpt(route.id), ref.entity(vellport.id), 'mentions');
  await link(ref.excerpt(readingMessages.id), ref.entity(halcyon.id), 'mentions');
  await link(ref.excerpt(lantern.id), ref.entity(venn.id), 'mentions');
  await link(ref.entity(venn.id), ref.entity(quayline.id), 'works-for');
  await link(ref.entity(quayline.id), ref.entity(marlowQuay.id), 'located-in');
  await link(ref.entity(marlowQuay.id), ref.entity(vellport.id), 'located-in');

  // Relationships between entities, each as sure as the sources make it, with the excerpts that support it.
  const director = await createRelationshipType(db, caseId, { label: 'director of', inverse: 'directed by' });
  await createRelationship(db, caseId, {
    from: venn.id,
    to: quayline.id,
    type: director.id,
    confidence: 'confirmed',
    excerptIds: [vennDetained.id],
  });
  await createRelationship(db, caseId, { from: strand.id, to: prosecutor.id, type: 'works-for', confidence: 'confirmed' });
  await createRelationship(db, caseId, {
    from: corranBay.id,
    to: quayline.id,
    type: 'related-to',
    start: month('2022-10'),
    end: month('2023-02'),
    confidence: 'possible',
    excerptIds: [route.id, lantern.id],
    note: paragraph('Same route and months as the 14 containers “Lantern” arranged; no document yet ties the ship to Quayline.'),
  });

  await createNote(db, caseId, {
    title: 'Open questions',
    body: {
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'To check before publication:' }] },
        {
          type: 'bulletList',
          content: [
            'Is “Lantern” confirmed as Venn by a second source?',
            'Port calls of the MV Corran Bay, October 2022 to February 2023.',
            'Who owns the Marlow Quay warehouse lease?',
          ].map((text) => ({ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] })),
        },
      ],
    },
  });

  return (await db.cases.get(caseId)) ?? caseFile;
}
