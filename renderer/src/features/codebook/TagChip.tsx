import type { ReactNode } from 'react';

/** A tag as a chip in its own colour (a neutral one for a tag no longer in the codebook), with what it holds beside. */
export function TagChip({ colour, label, children }: { colour: string | null; label: string; children?: ReactNode }) {
  return (
    <span className="tag tag-chip" data-colour={colour ?? ''} style={colour ? { background: colour, borderColor: colour } : undefined}>
      {label}
      {children}
    </span>
  );
}
