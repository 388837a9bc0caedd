import { defineCommand } from './types';

/** The case's link chart: its entities and the relationships between them, drawn; it opens from Entities. */
export const openLinkChart = defineCommand('chart.open', {
  enabled: ({ route }) => route.caseId !== null,
  perform: ({ route, navigate }) => {
    navigate(`/case/${route.caseId}/entities/chart`);
    requestAnimationFrame(() => document.getElementById('main')?.focus());
  },
  whenUnavailable: 'Open a case first: the link chart draws a case’s entities.',
});
