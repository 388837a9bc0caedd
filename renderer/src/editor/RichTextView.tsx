import type { RichText } from '../../../shared/domain';
import { Deferred, lazyComponent } from '../components/Deferred';

// TipTap's serializer loads with the first rich text shown, not with the app.
const TipTapView = lazyComponent(() => import('./TipTapView'), 'TipTapView');

/** Shows stored rich text read-only; an empty value needs no editor code at all. */
export function RichTextView({ value, empty }: { value: RichText | null; empty?: string }) {
  if (!value) return empty ? <p className="muted">{empty}</p> : null;
  return (
    <Deferred what="the text">
      <TipTapView value={value} empty={empty} />
    </Deferred>
  );
}
