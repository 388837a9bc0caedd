import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import {
  CONFIDENCES,
  EVENT_STATUSES,
  type Confidence,
  type Entity,
  type EventParticipant,
  type EventStatus,
  type RichText,
  type TimelineEvent,
} from '../../../../shared/domain';
import { eventDateText } from '../../../../shared/eventDates';
import { readEventDate } from '../../../../shared/readEventDate';
import { operations, queries } from '../../app/casebook';
import { draftKey } from '../../components/drafts';
import { DraftNotice, Field, FormActions, FormError } from '../../components/Field';
import { useDraft } from '../../components/useDraft';
import { useOperation } from '../../components/useOperation';
import { ChoiceField } from '../../components/ChoiceField';
import { RichTextField } from '../../editor/RichTextField';
import { TagPicker } from '../codebook/TagPicker';
import { SupportingExcerptsPicker } from '../entities/SupportingExcerptsPicker';
import { EventDateField } from './EventDateField';
import { ParticipantsField } from './ParticipantsField';
import { PlaceField } from './PlaceField';
import { useDateLocale } from './dateLocale';

/** What a new event starts with when it is made from an excerpt (see `EventFromExcerpt`). */
export interface EventSeedValues {
  title: string;
  /** A date found in the excerpt, as text for the date field (the date finder's to propose; empty until then). */
  when: string;
  participants: EventParticipant[];
  evidenceIds: string[];
  /** Entities offered as participants, ticked in or out, with why ("linked to the excerpt", "named in it"). */
  offered: { entity: Entity; why: string }[];
  /** The excerpt it is made from, for the draft's key: a draft from one excerpt is not offered for another. */
  excerptId: string;
}

interface EventFormProps {
  caseId: string;
  existing?: TimelineEvent;
  seed?: EventSeedValues;
  onDone: (event: TimelineEvent) => void;
  onCancel: () => void;
}

/**
 * An event's form: what happened, when (typed as people write it and shown back as understood), where, who took part
 * and in what role, on what evidence, its tags, how sure and how settled it is, and its description. The domain's
 * refusals appear at the field they concern; an unreadable date is refused at the date field before anything is sent.
 */
export function EventForm({ caseId, existing, seed, onDone, onCancel }: EventFormProps) {
  const locale = useDateLocale();
  const draft = useDraft(
    draftKey('event', existing?.id ?? (seed ? `from-${seed.excerptId}` : undefined), caseId),
    {
      title: existing?.title ?? seed?.title ?? '',
      when: existing ? eventDateText(existing.start, existing.end) : (seed?.when ?? ''),
      confirmYear: false,
      placeId: existing?.placeId ?? null,
      participants: existing?.participants ?? seed?.participants ?? [],
      evidenceIds: existing?.evidenceIds ?? seed?.evidenceIds ?? [],
      tags: existing?.tags ?? [],
      confidence: existing?.confidence ?? ('unverified' as Confidence),
      status: existing?.status ?? ('unverified' as EventStatus),
      description: existing?.description ?? (null as RichText | null),
    },
    existing ? `the event “${existing.title}”` : 'the new event',
  );
  const values = draft.values;
  const set = draft.set;
  const { run, busy, fieldErrors, formError } = useOperation();
  const [dateError, setDateError] = useState<string | null>(null);
  const entities = useLiveQuery(() => queries.entitiesByName(caseId), [caseId]);
  const places = useMemo(() => (entities ?? []).filter((entity) => entity.type === 'place'), [entities]);
  const reading = useMemo(() => readEventDate(values.when, locale), [values.when, locale]);
  const participantIds = useMemo(() => values.participants.map((participant) => participant.entityId), [values.participants]);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!reading.ok) {
      setDateError(reading.message);
      return;
    }
    setDateError(null);
    const input = {
      title: values.title,
      start: reading.start,
      end: reading.end,
      placeId: values.placeId,
      participants: values.participants,
      evidenceIds: values.evidenceIds,
      tags: values.tags,
      confidence: values.confidence,
      status: values.status,
      sameAs: existing?.sameAs ?? null,
      description: values.description,
      confirmUnusualYear: values.confirmYear,
    };
    const saved = await draft.save(run(() => (existing ? operations.updateEvent(existing.id, input) : operations.createEvent(caseId, input))));
    if (saved) onDone(saved);
  };

  const cancel = () => {
    draft.clear();
    onCancel();
  };

  if (entities === undefined) return null;
  return (
    <form onSubmit={submit} noValidate aria-label={existing ? `Edit ${existing.title}` : 'New event'} className="event-form">
      <h2>{existing ? 'Edit event' : 'New event'}</h2>
      <FormError message={formError} />
      <DraftNotice draft={draft} />
      <Field label="What happened" error={fieldErrors.title}>
        {(control) => <input {...control} value={values.title} onChange={(e) => set.title(e.target.value)} autoFocus />}
      </Field>
      <EventDateField
        value={values.when}
        onChange={(text) => {
          set.when(text);
          setDateError(null);
        }}
        reading={reading}
        locale={locale}
        error={dateError ?? fieldErrors.start ?? fieldErrors.end}
        confirmed={values.confirmYear}
        onConfirm={set.confirmYear}
      />
      <PlaceField places={places} value={values.placeId} onChange={set.placeId} error={fieldErrors.placeId} />
      <ParticipantsField
        entities={entities}
        value={values.participants}
        onChange={set.participants}
        offered={seed?.offered}
        error={fieldErrors.participants}
      />
      <SupportingExcerptsPicker
        legend="Evidence"
        caseId={caseId}
        entityIds={participantIds}
        value={values.evidenceIds}
        onChange={set.evidenceIds}
        error={fieldErrors.evidenceIds}
      />
      <TagPicker caseId={caseId} value={values.tags} onChange={set.tags} error={fieldErrors.tags} />
      <div className="row">
        <ChoiceField label="Confidence" error={fieldErrors.confidence} options={CONFIDENCES} value={values.confidence} onChange={set.confidence} />
        <ChoiceField label="Status" error={fieldErrors.status} options={EVENT_STATUSES} value={values.status} onChange={set.status} />
      </div>
      <RichTextField key={draft.revision} label="Description" editorLabel="Event description" value={values.description} onChange={set.description} />
      <FormActions submitLabel={existing ? 'Save' : 'Add event'} busy={busy} onCancel={cancel} />
    </form>
  );
}
