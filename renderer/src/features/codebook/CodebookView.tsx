import './codebook.css';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { tagPath } from '../../../../shared/codebook';
import type { TagWithCounts } from '../../db/queries/tags';
import { operations, queries } from '../../app/casebook';
import { Field, FormError } from '../../components/Field';
import { useOperation } from '../../components/useOperation';
import { ExcerptLinkList } from '../shared/ExcerptLinkList';
import { TagChip } from './TagChip';
import { TagDeleteDialog, TagMergeDialog } from './TagDialogs';
import { TagTree, countsOf } from './TagTree';

/**
 * The case's codebook: its tags as a tree with their colours and counts (their own excerpts, and with their
 * sub-tags'), a form to add one, and the chosen tag's page, where it is renamed, recoloured, described, moved,
 * merged or deleted.
 */
export function CodebookView({ caseId }: { caseId: string }) {
  const tags = useLiveQuery(() => queries.codebookWithCounts(caseId), [caseId]);
  const [chosenId, setChosenId] = useState<string | null>(null);
  const chosen = tags?.find((tag) => tag.id === chosenId);
  return (
    <section className="section" aria-labelledby="codebook-title">
      <div className="section-header">
        <h1 id="codebook-title">Codebook</h1>
        <span className="spacer" />
        <Link className="button" to={`/case/${caseId}/excerpts`}>
          Back to excerpts
        </Link>
      </div>
      {tags === undefined ? (
        <p role="status">Loading the codebook…</p>
      ) : (
        <div className="codebook">
          <div>
            <NewTagForm caseId={caseId} tags={tags} onCreated={setChosenId} />
            {tags.length ? (
              <TagTree tags={tags} chosenId={chosenId} onChoose={setChosenId} />
            ) : (
              <p className="muted">No tags yet. Add the codes you will tag excerpts with; a tag can hold sub-tags.</p>
            )}
          </div>
          {chosen ? (
            <TagPanel key={chosen.id} caseId={caseId} tag={chosen} tags={tags} onGone={() => setChosenId(null)} onChoose={setChosenId} />
          ) : (
            tags.length > 0 && <p className="muted">Choose a tag to rename, recolour, describe, move, merge or delete it.</p>
          )}
        </div>
      )}
    </section>
  );
}

/** The places a tag can go: the top of the codebook, or under any tag but `except` (and, for moves, its sub-tags). */
function ParentOptions({ tags, except }: { tags: TagWithCounts[]; except?: string }) {
  return (
    <>
      <option value="">Top of the codebook</option>
      {tags
        .filter((tag) => tag.id !== except)
        .map((tag) => ({ id: tag.id, path: tagPath(tags, tag.id) }))
        .sort((a, b) => a.path.localeCompare(b.path))
        .map(({ id, path }) => (
          <option key={id} value={id}>
            {path}
          </option>
        ))}
    </>
  );
}

function NewTagForm({ caseId, tags, onCreated }: { caseId: string; tags: TagWithCounts[]; onCreated: (id: string) => void }) {
  const [name, setName] = useState('');
  const [parentId, setParentId] = useState('');
  const { run, busy, fieldErrors, formError } = useOperation();
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const submitted = name;
    const tag = await run(() => operations.createTag(caseId, { name: submitted, parentId: parentId || null }));
    if (tag) {
      // Cleared only if unchanged: the next tag's name may already be being typed.
      setName((current) => (current === submitted ? '' : current));
      onCreated(tag.id);
    }
  };
  return (
    <form onSubmit={submit} noValidate aria-label="New tag">
      <h2>New tag</h2>
      <FormError message={formError} />
      <Field label="Tag name" error={fieldErrors.name}>
        {(control) => <input {...control} value={name} onChange={(event) => setName(event.target.value)} />}
      </Field>
      <Field label="Under" error={fieldErrors.parentId}>
        {(control) => (
          <select {...control} value={parentId} onChange={(event) => setParentId(event.target.value)}>
            <ParentOptions tags={tags} />
          </select>
        )}
      </Field>
      <div className="row end">
        <button type="submit" className="primary" disabled={busy}>
          Add tag
        </button>
      </div>
    </form>
  );
}

interface TagPanelProps {
  caseId: string;
  tag: TagWithCounts;
  tags: TagWithCounts[];
  onGone: () => void;
  onChoose: (id: string) => void;
}

function TagPanel({ caseId, tag, tags, onGone, onChoose }: TagPanelProps) {
  const path = tagPath(tags, tag.id);
  const [asking, setAsking] = useState<'merge' | 'delete' | null>(null);
  const [mergeInto, setMergeInto] = useState('');
  const hasSubTags = tags.some((other) => other.parentId === tag.id);
  return (
    <article className="codebook-panel" aria-label={`Tag ${tag.name}`}>
      <h2>
        <TagChip colour={tag.colour} label={path} />
      </h2>
      <p className="small">{countsOf(tag, hasSubTags)}</p>
      {/* Each form is keyed by the tag's last change, so it shows the tag as saved after each edit. */}
      <TagEditForm
        key={`name-${tag.updatedAt}`}
        label="Name"
        field="name"
        initial={tag.name}
        submitLabel="Rename"
        save={(name) => operations.renameTag(tag.id, name)}
      />
      <TagEditForm
        key={`colour-${tag.updatedAt}`}
        label="Colour"
        field=""
        initial={tag.colour}
        type="color"
        submitLabel="Save colour"
        save={(colour) => operations.recolourTag(tag.id, colour)}
      />
      <TagEditForm
        key={`description-${tag.updatedAt}`}
        label="Description"
        field=""
        initial={tag.description}
        multiline
        submitLabel="Save description"
        save={(description) => operations.describeTag(tag.id, description)}
      />
      <TagEditForm
        key={`parent-${tag.updatedAt}`}
        label="Put under"
        field="parentId"
        otherField="name"
        initial={tag.parentId ?? ''}
        options={<ParentOptions tags={tags} except={tag.id} />}
        submitLabel="Move"
        save={(parentId) => operations.moveTag(tag.id, parentId || null)}
      />
      <form
        aria-label="Merge"
        onSubmit={(event) => {
          event.preventDefault();
          if (mergeInto) setAsking('merge');
        }}
      >
        <Field label="Merge into" hint="Its excerpts and sub-tags go to the tag chosen; this tag goes.">
          {(control) => (
            <select {...control} value={mergeInto} onChange={(event) => setMergeInto(event.target.value)}>
              <option value="">Choose a tag</option>
              {tags
                .filter((other) => other.id !== tag.id)
                .map((other) => (
                  <option key={other.id} value={other.id}>
                    {tagPath(tags, other.id)}
                  </option>
                ))}
            </select>
          )}
        </Field>
        <div className="row end">
          <button type="submit" disabled={!mergeInto}>
            Merge…
          </button>
          <button type="button" className="danger" onClick={() => setAsking('delete')}>
            Delete tag…
          </button>
        </div>
      </form>
      <TaggedExcerpts caseId={caseId} tagId={tag.id} />
      {asking === 'merge' && (
        <TagMergeDialog
          merged={tag}
          kept={tags.find((other) => other.id === mergeInto)!}
          tags={tags}
          onDone={(keptId) => {
            setAsking(null);
            onChoose(keptId);
          }}
          onCancel={() => setAsking(null)}
        />
      )}
      {asking === 'delete' && <TagDeleteDialog tag={tag} tags={tags} onDone={onGone} onCancel={() => setAsking(null)} />}
    </article>
  );
}

interface TagEditFormProps {
  label: string;
  /** The field the operation's messages name; '' for messages about the whole input. */
  field: string;
  /** Another field whose messages belong here too (a move refused for a sibling's name). */
  otherField?: string;
  initial: string;
  type?: 'text' | 'color';
  multiline?: boolean;
  options?: ReactNode;
  submitLabel: string;
  save: (value: string) => Promise<unknown>;
}

/** One property of a tag with its own button, so a refusal shows beside the property it is about. */
function TagEditForm({ label, field, otherField, initial, type = 'text', multiline, options, submitLabel, save }: TagEditFormProps) {
  const [value, setValue] = useState(initial);
  const { run, busy, fieldErrors, formError } = useOperation();
  const error = (field && fieldErrors[field]) || (otherField && fieldErrors[otherField]) || formError || Object.values(fieldErrors)[0];
  return (
    <form
      aria-label={label}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void run(() => save(value));
      }}
    >
      <Field label={label} error={error || undefined}>
        {(control) =>
          options ? (
            <select {...control} value={value} onChange={(event) => setValue(event.target.value)}>
              {options}
            </select>
          ) : multiline ? (
            <textarea {...control} rows={2} value={value} onChange={(event) => setValue(event.target.value)} />
          ) : (
            <input {...control} type={type} value={value} onChange={(event) => setValue(event.target.value)} />
          )
        }
      </Field>
      <div className="row end">
        <button type="submit" disabled={busy}>
          {submitLabel}
        </button>
      </div>
    </form>
  );
}

/** The excerpts coded with the tag or its sub-tags, each opening the excerpt. */
function TaggedExcerpts({ caseId, tagId }: { caseId: string; tagId: string }) {
  const excerpts = useLiveQuery(() => queries.excerptsWithTag(caseId, tagId), [caseId, tagId]);
  if (!excerpts?.length) return null;
  return (
    <section aria-label="Tagged excerpts">
      <h3>Excerpts with this tag or its sub-tags</h3>
      <ExcerptLinkList caseId={caseId} excerpts={excerpts} />
    </section>
  );
}

