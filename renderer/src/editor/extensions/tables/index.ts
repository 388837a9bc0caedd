import { TableKit, type TableKitOptions } from '@tiptap/extension-table';

/** What a new table is: three rows of three cells, the first row headings. */
export const NEW_TABLE = { rows: 3, cols: 3, withHeaderRow: true } as const;

/**
 * Tables, from TipTap's table kit: inserted (`insertTable`), rows and columns added and removed, Tab and Shift+Tab
 * moving between cells (Tab in the last cell adds a row). Columns are not resized by dragging: a stored width would
 * not fit the other places the text is shown (the side panel, the report).
 */
export const tableOptions: Partial<TableKitOptions> = { table: { resizable: false } };

export const Tables = TableKit.configure(tableOptions);
