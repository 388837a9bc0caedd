import { Entity as FtmEntityProxy, Model, defaultModel, type Schema } from '@alephdata/followthemoney';
import type {
  CaseDocument,
  CaseEntityType,
  CaseRelationshipType,
  Entity,
  EntityAttribute,
  Excerpt,
  PartialDate,
  Relationship,
  Tag,
} from '../../../shared/domain';
import { entityTypeLabel, isBuiltInEntityType, relationshipTypeInfo } from '../../../shared/entities';
import { formatPartialDate } from '../../../shared/partialDate';
import { tagPath } from '../../../shared/codebook';
import { richTextToPlain } from '../search/searchFields';

/**
 * A case's entities and relationships as FollowTheMoney (FtM) entities, the data model of Aleph, OpenAleph and the
 * tools around them: one JSON object per line. Every schema and property comes from the model the
 * `@alephdata/followthemoney` package publishes, and every entity is built through it, so a name it does not know fails
 * here rather than in the researcher's Aleph.
 */

/** The FtM model the export is written in. */
export const FTM_MODEL = new Model(defaultModel);

/** An FtM entity as a line of the export holds it. */
export interface FtmEntity {
  id: string;
  schema: string;
  properties: Record<string, string[]>;
}

/** The source of an excerpt, as far as a relationship's evidence cites it. */
export type CitedDocument = Pick<CaseDocument, 'id' | 'title' | 'sourceUrl' | 'siteName' | 'publishedAt'>;

/** What of a case the export reads. */
export interface FollowTheMoneyRecords {
  entities: readonly Entity[];
  relationships: readonly Relationship[];
  entityTypes: readonly CaseEntityType[];
  relationshipTypes: readonly CaseRelationshipType[];
  tags: readonly Pick<Tag, 'id' | 'parentId' | 'name'>[];
  /** At least the excerpts the relationships cite as support. */
  excerpts: readonly Pick<Excerpt, 'id' | 'documentId' | 'quote' | 'detachedFrom'>[];
  /** At least the documents those excerpts quote. */
  documents: readonly CitedDocument[];
}

/** Ids that say where they come from and never collide between entities and relationships. */
export const ftmEntityId = (entityId: string): string => `casebook-entity-${entityId}`;
export const ftmRelationshipId = (relationshipId: string): string => `casebook-relationship-${relationshipId}`;

/** FtM dates are ISO 8601 prefixes, as precise as known: "2021", "2021-03", "2021-03-09T06:00". */
export const FTM_DATE = /^\d{4}(-\d{2}(-\d{2}(T\d{2}(:\d{2}(:\d{2})?)?)?)?)?$/;

const BUILT_IN_SCHEMATA = {
  person: 'Person',
  organisation: 'Organization',
  place: 'Address',
  // FtM has no schema for a telephone or a mailbox of its own: they are accounts, with the number or address.
  phone: 'UserAccount',
  email: 'UserAccount',
  vessel: 'Vessel',
  vehicle: 'Vehicle',
  account: 'BankAccount',
  other: 'LegalEntity',
} as const;

/** A case's own type named like an FtM schema ("Aircraft", "Wallet"): the schema it means. */
const SCHEMA_SYNONYMS: Readonly<Record<string, string>> = {
  handle: 'UserAccount',
  username: 'UserAccount',
  'social media account': 'UserAccount',
  'online account': 'UserAccount',
  aircraft: 'Airplane',
  plane: 'Airplane',
  jet: 'Airplane',
  wallet: 'CryptoWallet',
  'crypto wallet': 'CryptoWallet',
  ship: 'Vessel',
  boat: 'Vessel',
  yacht: 'Vessel',
  car: 'Vehicle',
  truck: 'Vehicle',
  lorry: 'Vehicle',
  property: 'RealEstate',
  building: 'RealEstate',
  'real estate': 'RealEstate',
  firm: 'Company',
  business: 'Company',
  address: 'Address',
  location: 'Address',
};

/** A company's legal form at the end of its name: such an organisation is an FtM Company. */
const LEGAL_FORM =
  /\b(ltd|limited|inc|corp|corporation|plc|llc|llp|gmbh|ag|s\.?a|s\.?a\.?s|s\.?r\.?l|sarl|b\.?v|n\.?v|oy|ab|a\/s|aps|kft|sp\. ?z ?o\.?o|spółka|s\.?p\.?a|co|company|holdings?)\.?$/i;

/**
 * Attribute keys researchers write (folded: lower case, single spaces), with the FtM properties that hold them, in the
 * order tried: the first the entity's schema has, and whose type the value fits, takes it.
 */
const ATTRIBUTE_PROPERTIES: Readonly<Record<string, readonly string[]>> = {
  'date of birth': ['birthDate'],
  'birth date': ['birthDate'],
  born: ['birthDate'],
  dob: ['birthDate'],
  'place of birth': ['birthPlace'],
  birthplace: ['birthPlace'],
  'date of death': ['deathDate'],
  died: ['deathDate'],
  nationality: ['nationality'],
  citizenship: ['citizenship'],
  country: ['country', 'jurisdiction'],
  jurisdiction: ['jurisdiction', 'country'],
  gender: ['gender'],
  sex: ['gender'],
  'first name': ['firstName'],
  'last name': ['lastName'],
  surname: ['lastName'],
  role: ['position'],
  position: ['position'],
  occupation: ['position'],
  job: ['position'],
  title: ['title'],
  education: ['education'],
  religion: ['religion'],
  phone: ['phone', 'number'],
  telephone: ['phone', 'number'],
  mobile: ['phone', 'number'],
  'phone number': ['phone', 'number'],
  email: ['email'],
  'e-mail': ['email'],
  website: ['website'],
  url: ['website', 'sourceUrl'],
  address: ['address'],
  'registration number': ['registrationNumber'],
  'company number': ['registrationNumber'],
  registration: ['registrationNumber'],
  'licence plate': ['registrationNumber'],
  'license plate': ['registrationNumber'],
  plate: ['registrationNumber'],
  'tax number': ['taxNumber'],
  'tax id': ['taxNumber'],
  vat: ['vatCode'],
  'vat number': ['vatCode'],
  lei: ['leiCode'],
  'id number': ['idNumber'],
  'incorporation date': ['incorporationDate'],
  incorporated: ['incorporationDate'],
  founded: ['incorporationDate'],
  dissolved: ['dissolutionDate'],
  'dissolution date': ['dissolutionDate'],
  'legal form': ['legalForm'],
  sector: ['sector'],
  industry: ['sector'],
  status: ['status'],
  iban: ['iban'],
  'account number': ['accountNumber'],
  bic: ['bic'],
  swift: ['bic'],
  bank: ['bankName'],
  'bank name': ['bankName'],
  'account type': ['accountType'],
  imo: ['imoNumber'],
  'imo number': ['imoNumber'],
  mmsi: ['mmsi'],
  flag: ['flag'],
  'call sign': ['callSign'],
  'port of registry': ['registrationPort'],
  'home port': ['registrationPort'],
  tonnage: ['tonnage'],
  model: ['model'],
  make: ['model'],
  'build year': ['buildDate'],
  built: ['buildDate'],
  city: ['city'],
  street: ['street'],
  postcode: ['postalCode'],
  'postal code': ['postalCode'],
  region: ['region'],
  latitude: ['latitude'],
  longitude: ['longitude'],
  username: ['username'],
  service: ['service'],
  platform: ['service'],
};

/** Whether a value can stand in a property of the FtM type, as written (FtM tools clean values; we do not guess). */
function fitsType(type: string, value: string): boolean {
  switch (type) {
    case 'date':
      return FTM_DATE.test(value);
    case 'country':
      return /^[a-z]{2}$/i.test(value);
    case 'email':
      return /^[^\s@]+@[^\s@]+$/.test(value);
    case 'phone':
      return /^\+?[\d\s().-]{5,}$/.test(value);
    case 'url':
      return /^https?:\/\/\S+$/i.test(value);
    case 'number':
      return /^-?\d+(\.\d+)?$/.test(value.replace(/[\s,]/g, ''));
    case 'gender':
      return ['male', 'female', 'other'].includes(value.toLowerCase());
    case 'iban':
      return /^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/i.test(value.replace(/\s/g, ''));
    case 'entity':
    case 'json':
    case 'checksum':
    case 'topic':
    case 'language':
    case 'mimetype':
    case 'ip':
      return false;
    default:
      return true;
  }
}

const fold = (text: string) => text.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase();

/** Values as FtM stores them for some types: a gender in lower case, an IBAN without spaces, a country code in lower case. */
function cleanValue(type: string, value: string): string {
  if (type === 'gender' || type === 'country') return value.toLowerCase();
  if (type === 'iban') return value.replace(/\s/g, '').toUpperCase();
  return value;
}

const period = (start: PartialDate | null, end: PartialDate | null): string =>
  start && end
    ? ` (${formatPartialDate(start)} to ${formatPartialDate(end)})`
    : start
      ? ` (from ${formatPartialDate(start)})`
      : end
        ? ` (until ${formatPartialDate(end)})`
        : '';

/** The entity (non-edge, non-document) schemata a case's own type may be taken for, by their names folded. */
function schemataByName(model: Model): Map<string, Schema> {
  const byName = new Map<string, Schema>();
  for (const schema of model.getSchemata()) {
    if (schema.abstract || schema.isEdge || !schema.isA('Thing') || schema.isA('Document') || schema.isA('Interval')) continue;
    // Only a schema whose required properties a name can fill (UserAccount's username) can hold any entity of the type.
    const fillable = schema.required.every((name) => ['name', 'string', 'identifier'].includes(schema.getProperty(name).type.name));
    if (!fillable) continue;
    for (const word of [schema.name, schema.label, schema.plural]) byName.set(fold(word), schema);
  }
  for (const [word, name] of Object.entries(SCHEMA_SYNONYMS)) byName.set(word, model.getSchema(name));
  return byName;
}

/** Builds the case's entities and relationships as FtM entities, validated against `model`. */
export class FollowTheMoneyExport {
  private readonly schemata: Map<string, Schema>;
  private readonly entitySchemas = new Map<string, Schema>();
  private readonly excerpts: Map<string, FollowTheMoneyRecords['excerpts'][number]>;
  private readonly documents: Map<string, CitedDocument>;

  constructor(
    private readonly records: FollowTheMoneyRecords,
    private readonly model: Model = FTM_MODEL,
  ) {
    this.schemata = schemataByName(model);
    this.excerpts = new Map(records.excerpts.map((excerpt) => [excerpt.id, excerpt]));
    this.documents = new Map(records.documents.map((document) => [document.id, document]));
    const ownedAssets = new Set(records.relationships.filter((relationship) => relationship.type === 'owns').map((relationship) => relationship.to));
    for (const entity of records.entities) this.entitySchemas.set(entity.id, this.schemaFor(entity, ownedAssets.has(entity.id)));
  }

  /** The FtM schema an entity is exported as. */
  schemaOf(entityId: string): Schema | undefined {
    return this.entitySchemas.get(entityId);
  }

  /** Every entity, then every relationship between two of them. */
  *entities(): Generator<FtmEntity> {
    for (const entity of this.records.entities) yield this.entity(entity);
    for (const relationship of this.records.relationships) {
      if (!this.entitySchemas.has(relationship.from) || !this.entitySchemas.has(relationship.to)) continue;
      yield this.relationship(relationship);
    }
  }

  private schemaFor(entity: Entity, owned: boolean): Schema {
    if (isBuiltInEntityType(entity.type)) {
      if (entity.type === 'organisation' && (owned || LEGAL_FORM.test(entity.name.trim()))) return this.model.getSchema('Company');
      if (entity.type === 'account' && looksLikeOnlineAccount(entity)) return this.model.getSchema('UserAccount');
      return this.model.getSchema(BUILT_IN_SCHEMATA[entity.type]);
    }
    const label = entityTypeLabel(entity.type, this.records.entityTypes);
    return this.schemata.get(fold(label)) ?? this.model.getSchema('LegalEntity');
  }

  private entity(entity: Entity): FtmEntity {
    const schema = this.entitySchemas.get(entity.id)!;
    const proxy = new FtmEntityProxy(this.model, { id: ftmEntityId(entity.id), schema: schema.name, properties: {} });
    const set = (property: string, value: string | null | undefined) => {
      if (value && !proxy.getProperty(property).includes(value)) proxy.setProperty(property, value);
    };
    set('name', entity.name);
    for (const alias of entity.aliases) set('alias', alias.name);
    if (schema.name === 'Address') set('full', entity.name);
    if (schema.name === 'UserAccount') {
      set('username', entity.name);
      if (entity.type === 'phone') {
        set('number', entity.name);
        set('service', 'Telephone');
      }
      if (entity.type === 'email') {
        if (fitsType('email', entity.name)) set('email', entity.name);
        set('service', 'E-mail');
      }
    }
    if (schema.name === 'BankAccount') {
      if (fitsType('iban', entity.name)) set('iban', cleanValue('iban', entity.name));
      else if (/^[\d\s-]{6,}$/.test(entity.name)) set('accountNumber', entity.name.trim());
    }
    // Whatever else the schema requires and a name can fill (a case's own type taken for UserAccount: its username).
    for (const required of schema.required) if (!proxy.hasProperty(required)) set(required, entity.name);

    const notes: string[] = [];
    for (const attribute of entity.attributes) {
      const property = this.propertyFor(schema, attribute);
      if (property) set(property.name, cleanValue(property.type.name, attribute.value.trim()));
      if (!property || attribute.start || attribute.end) notes.push(`${attribute.key}: ${attribute.value}${period(attribute.start, attribute.end)}`);
    }
    if (notes.length) set('notes', notes.join('\n'));
    set('description', richTextToPlain(entity.description));
    if (!isBuiltInEntityType(entity.type) || entity.type === 'other')
      set('keywords', entityTypeLabel(entity.type, this.records.entityTypes));
    for (const tagId of entity.tags)
      if (this.records.tags.some((tag) => tag.id === tagId)) set('keywords', tagPath(this.records.tags, tagId));
    return this.finish(proxy);
  }

  private propertyFor(schema: Schema, attribute: EntityAttribute) {
    const value = attribute.value.trim();
    for (const name of ATTRIBUTE_PROPERTIES[fold(attribute.key)] ?? []) {
      if (!schema.hasProperty(name)) continue;
      const property = schema.getProperty(name);
      if (fitsType(property.type.name, value)) return property;
    }
    return null;
  }

  private relationship(relationship: Relationship): FtmEntity {
    const from = this.entitySchemas.get(relationship.from)!;
    const to = this.entitySchemas.get(relationship.to)!;
    const info = relationshipTypeInfo(relationship.type, this.records.relationshipTypes);
    const label = info?.label ?? 'related to';
    const edge = this.edgeFor(relationship.type, label, from, to);
    const schema = this.model.getSchema(edge.schema);
    const proxy = new FtmEntityProxy(this.model, { id: ftmRelationshipId(relationship.id), schema: schema.name, properties: {} });
    const set = (property: string, value: string | null | undefined) => {
      if (value && !proxy.getProperty(property).includes(value)) proxy.setProperty(property, value);
    };
    set(schema.edge!.source, ftmEntityId(relationship.from));
    set(schema.edge!.target, ftmEntityId(relationship.to));
    if (edge.caption) set(edge.caption, label);
    if (relationship.start) set('startDate', relationship.start.value);
    if (relationship.end) set('endDate', relationship.end.value);
    set('summary', richTextToPlain(relationship.note));

    const evidence: string[] = [`Confidence: ${relationship.confidence}.`];
    for (const excerptId of relationship.excerptIds) {
      const excerpt = this.excerpts.get(excerptId);
      if (!excerpt) continue;
      const document = excerpt.documentId ? this.documents.get(excerpt.documentId) : undefined;
      const source = document ?? excerpt.detachedFrom;
      evidence.push(`“${excerpt.quote}”${source ? ` (${citation(source)})` : ''}`);
      if (source?.sourceUrl && fitsType('url', source.sourceUrl)) set('sourceUrl', source.sourceUrl);
      set('publisher', source?.siteName);
    }
    set('description', evidence.join('\n\n'));
    return this.finish(proxy);
  }

  /**
   * The FtM interval a relationship is written as: the one of its meaning whose ends admit the two entities' schemata,
   * else an UnknownLink with the relationship's words as its role.
   */
  private edgeFor(type: string, label: string, from: Schema, to: Schema): { schema: string; caption: string | null } {
    const fits = (schemaName: string) => {
      const schema = this.model.getSchema(schemaName);
      const edge = schema.edge!;
      return from.isA(schema.getProperty(edge.source).getRange()) && to.isA(schema.getProperty(edge.target).getRange());
    };
    for (const schemaName of meaningsOf(type, label)) {
      if (!fits(schemaName)) continue;
      const caption = ['Family', 'Associate'].includes(schemaName) ? 'relationship' : 'role';
      // Employment, Membership, Ownership and Directorship name what they are; other words go in their caption.
      const named = (schemaName === 'Employment' && type === 'works-for') || (schemaName === 'Membership' && type === 'member-of') || (schemaName === 'Ownership' && type === 'owns');
      return { schema: schemaName, caption: named ? null : caption };
    }
    return { schema: 'UnknownLink', caption: 'role' };
  }

  /** Checks the entity against its schema's required properties, and gives it as plain JSON. */
  private finish(proxy: FtmEntityProxy): FtmEntity {
    const missing = proxy.schema.required.filter((name) => !proxy.hasProperty(name));
    if (missing.length) throw new Error(`The FollowTheMoney ${proxy.schema.name} ${proxy.id} lacks ${missing.join(', ')}.`);
    const { id, schema, properties } = proxy.toJSON();
    return { id, schema: String(schema), properties: properties as Record<string, string[]> };
  }
}

/** The FtM intervals a relationship's type may mean, the most specific first. */
function meaningsOf(type: string, label: string): string[] {
  switch (type) {
    case 'member-of':
      return ['Membership'];
    case 'works-for':
      return ['Employment', 'Membership'];
    case 'owns':
      return ['Ownership'];
    case 'contacted':
      return ['Associate'];
    case 'located-in':
    case 'related-to':
      return [];
  }
  // A case's own type, by its words ("director of", "married to", "shareholder in").
  const words = fold(label);
  if (/\b(director|board|chair|chairman|chairwoman|ceo|manag\w*|secretary)\b/.test(words)) return ['Directorship'];
  if (/\b(employ\w*|works? (for|at)|staff|hired)\b/.test(words)) return ['Employment'];
  if (/\b(member|affiliat\w*)\b/.test(words)) return ['Membership'];
  if (/\b(owns?|owner|shareholder|beneficial\w*|holds? shares)\b/.test(words)) return ['Ownership'];
  if (/\b(married|spouse|wife|husband|partner of|brother|sister|sibling|father|mother|parent|son|daughter|child|cousin|uncle|aunt|nephew|niece|grand\w*|family|relative|in-law)\b/.test(words))
    return ['Family', 'Associate'];
  if (/\b(associate\w*|friend|colleague|knows|acquaint\w*|partner)\b/.test(words)) return ['Associate'];
  return [];
}

function looksLikeOnlineAccount(entity: Entity): boolean {
  if (entity.name.trim().startsWith('@')) return true;
  return entity.attributes.some((attribute) => ['service', 'platform', 'username', 'handle'].includes(fold(attribute.key)));
}

/** "Harbour master’s log, Harbour Herald, 2021-03-09, https://…". */
function citation(source: Pick<CitedDocument, 'title' | 'siteName' | 'publishedAt' | 'sourceUrl'>): string {
  return [source.title, source.siteName, source.publishedAt?.slice(0, 10), source.sourceUrl].filter(Boolean).join(', ');
}

/** The export as lines of JSON, one FtM entity a line, each ending in a line feed. */
export function* followTheMoneyLines(records: FollowTheMoneyRecords, model: Model = FTM_MODEL): Generator<string> {
  for (const entity of new FollowTheMoneyExport(records, model).entities()) yield `${JSON.stringify(entity)}\n`;
}
