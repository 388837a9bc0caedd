import type { DragEvent } from 'react';
import type { RecordRef } from '../../../shared/domain';
import { RECORD_TYPES } from '../../../shared/vocabulary';

/**
 * The drag data a row of the case's lists carries, for a rich-text field to insert: `{"type":…,"id":…,"title":…}`, the
 * title being what a refusal names the record by once it is gone.
 */
export const RECORD_DRAG_TYPE = 'application/x-casebook-record';

/** A record dropped on a text: which, and the title its row showed (empty when the drag did not say). */
export interface DroppedRecord {
  ref: RecordRef;
  title: string;
}

/** Lets a list row be dragged into a note: the record by type and id, its title as plain text for anywhere else. */
export function dragRecord(ref: RecordRef, title: string) {
  return {
    draggable: true,
    onDragStart: (event: DragEvent) => {
      event.dataTransfer.setData(RECORD_DRAG_TYPE, JSON.stringify({ type: ref.type, id: ref.id, title }));
      event.dataTransfer.setData('text/plain', title);
      event.dataTransfer.effectAllowed = 'copyLink';
    },
  };
}

/** The record a drop carries, or null for anything else (or data that is not a record reference). */
export function droppedRecord(data: DataTransfer | null): DroppedRecord | null {
  const raw = data?.getData(RECORD_DRAG_TYPE);
  if (!raw) return null;
  try {
    const value = JSON.parse(raw) as unknown;
    if (!value || typeof value !== 'object') return null;
    const { type, id, title } = value as Record<string, unknown>;
    if (!(RECORD_TYPES as readonly unknown[]).includes(type) || typeof id !== 'string' || !id) return null;
    return { ref: { type: type as RecordRef['type'], id }, title: (typeof title === 'string' ? title : (data?.getData('text/plain') ?? '')).trim() };
  } catch {
    return null;
  }
}
