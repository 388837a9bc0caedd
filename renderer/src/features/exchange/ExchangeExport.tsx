import { useCommandTarget } from '../../commands';

/**
 * Offers the open case's exports to other tools' formats to the commands (*Export entities as FollowTheMoney…*,
 * *Export codebook as REFI-QDA…*); their writers and the package of the FollowTheMoney model load with the first export.
 */
export function ExchangeExport({ caseId }: { caseId: string }) {
  useCommandTarget('exportExchange', async (format) => {
    const { saveFollowTheMoney, saveRefiQda } = await import('../../exchange/saveExchange');
    await (format === 'followTheMoney' ? saveFollowTheMoney(caseId) : saveRefiQda(caseId));
  });
  return null;
}
