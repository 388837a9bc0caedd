/**
 * vis-timeline's standalone build exports the DataSet and the moment it bundles (the ones its Timeline is made for),
 * but its types leave those exports out: declared here with vis-data's and vis-timeline's own types.
 */
import type { DataSet as VisDataSet } from 'vis-data';
import type { MomentConstructor1 } from 'vis-timeline';

declare module 'vis-timeline/standalone' {
  export const DataSet: typeof VisDataSet;
  export const moment: MomentConstructor1;
}
