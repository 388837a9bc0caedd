/**
 * vis-timeline's standalone build exports the DataSet it bundles (the one its Timeline is made for), but its types
 * leave that export out: declared here with vis-data's own types.
 */
import type { DataSet as VisDataSet } from 'vis-data';

declare module 'vis-timeline/standalone' {
  export const DataSet: typeof VisDataSet;
}
