import { CASE_LOCALES } from '../../../../shared/caseLocales';
import type { CaseFile } from '../../../../shared/domain';
import { draftKey } from '../../components/drafts';
import { DraftNotice, Field, FormError, FormActions } from '../../components/Field';
import { useDraft } from '../../components/useDraft';
import { useOperation } from '../../components/useOperation';
import { operations } from '../../app/casebook';
import { RichTextField } from '../../editor/RichTextField';

interface CaseFormProps {
  /** The case to rename or describe; a new case when absent. */
  existing?: CaseFile;
  onDone: (saved: CaseFile) => void;
  onCancel: () => void;
}

export function CaseForm({ existing, onDone, onCancel }: CaseFormProps) {
  const draft = useDraft(
    draftKey('case', existing?.id),
    { name: existing?.name ?? '', description: existing?.description ?? null, locale: existing?.locale ?? null },
    existing ? `the case “${existing.name}”` : 'the new case',
  );
  const { name, description, locale } = draft.values;
  const { name: setName, description: setDescription, locale: setLocale } = draft.set;
  const { run, busy, fieldErrors, formError } = useOperation();

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const input = { name, description, locale };
    const saved = await draft.save(run(() => (existing ? operations.updateCase(existing.id, input) : operations.createCase(input))));
    if (saved) onDone(saved);
  };

  const cancel = () => {
    draft.clear();
    onCancel();
  };

  return (
    <form onSubmit={submit} noValidate>
      <FormError message={formError} />
      <DraftNotice draft={draft} />
      <Field label="Case name" error={fieldErrors.name} hint="For example: Harbour contracts 2024">
        {(control) => <input {...control} value={name} onChange={(e) => setName(e.target.value)} autoFocus />}
      </Field>
      <Field
        label="Dates typed as"
        error={fieldErrors.locale}
        hint="How this case reads typed dates such as 15/09/2020 and month names, whoever opens it. The computer’s setting reads them as this computer’s language does."
      >
        {(control) => (
          <select {...control} value={locale ?? ''} onChange={(e) => setLocale(e.target.value || null)}>
            <option value="">The computer’s setting ({navigator.language})</option>
            {CASE_LOCALES.map((entry) => (
              <option key={entry.locale} value={entry.locale}>
                {entry.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <RichTextField key={draft.revision} label="Description" editorLabel="Case description" value={description} onChange={setDescription} />
      <FormActions submitLabel={existing ? 'Save' : 'Create case'} busy={busy} onCancel={cancel} />
    </form>
  );
}
