import type { PartialDate, TimelineEvent } from '../../../../shared/domain';
import { draftKey } from '../../components/drafts';
import { DraftNotice, Field, FormError, FormActions } from '../../components/Field';
import { useDraft } from '../../components/useDraft';
import { useOperation } from '../../components/useOperation';
import { operations } from '../../app/casebook';
import { RichTextField } from '../../editor/RichTextField';
import { formatPartialDate, parsePartialDate } from '../../../../shared/partialDate';

interface EventFormProps {
  caseId: string;
  existing?: TimelineEvent;
  onDone: (event: TimelineEvent) => void;
  onCancel: () => void;
}

const DATE_HINT = 'As precisely as you know it: 2021, 2021-03, 2021-03-09 or 2021-03-09 06:00';

const asText = (date: PartialDate | null | undefined) => date?.value.replace('T', ' ') ?? '';

/** An unreadable date goes to the domain as typed, so its validation puts the message beside the field. */
const toDate = (text: string): PartialDate => parsePartialDate(text) ?? { value: text.trim(), precision: 'day' };

export function EventForm({ caseId, existing, onDone, onCancel }: EventFormProps) {
  const draft = useDraft(
    draftKey('event', existing?.id, caseId),
    {
      title: existing?.title ?? '',
      start: asText(existing?.start),
      end: asText(existing?.end),
      description: existing?.description ?? null,
    },
    existing ? `the event “${existing.title}”` : 'the new event',
  );
  const { title, start, end, description } = draft.values;
  const { title: setTitle, start: setStart, end: setEnd, description: setDescription } = draft.set;
  const { run, busy, fieldErrors, formError } = useOperation();

  const preview = (text: string) => {
    const parsed = parsePartialDate(text);
    return parsed ? `Reads as ${formatPartialDate(parsed)}` : DATE_HINT;
  };

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const input = { title, start: toDate(start), end: end.trim() ? toDate(end) : null, description };
    const saved = await draft.save(run(() => (existing ? operations.updateEvent(existing.id, input) : operations.createEvent(caseId, input))));
    if (saved) onDone(saved);
  };

  const cancel = () => {
    draft.clear();
    onCancel();
  };

  return (
    <form onSubmit={submit} noValidate aria-label={existing ? `Edit ${existing.title}` : 'New event'}>
      <h2>{existing ? 'Edit event' : 'New event'}</h2>
      <FormError message={formError} />
      <DraftNotice draft={draft} />
      <Field label="What happened" error={fieldErrors.title}>
        {(control) => <input {...control} value={title} onChange={(e) => setTitle(e.target.value)} autoFocus />}
      </Field>
      <Field label="Date" error={fieldErrors.start} hint={preview(start)}>
        {(control) => <input {...control} value={start} onChange={(e) => setStart(e.target.value)} placeholder="YYYY-MM-DD" />}
      </Field>
      <Field label="End date (optional)" error={fieldErrors.end} hint={end.trim() ? preview(end) : 'For events that lasted a while'}>
        {(control) => <input {...control} value={end} onChange={(e) => setEnd(e.target.value)} />}
      </Field>
      <RichTextField key={draft.revision} label="Description" editorLabel="Event description" value={description} onChange={setDescription} />
      <FormActions submitLabel={existing ? 'Save' : 'Add event'} busy={busy} onCancel={cancel} />
    </form>
  );
}
