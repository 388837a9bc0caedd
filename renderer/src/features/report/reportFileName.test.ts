import { describe, expect, it } from 'vitest';
import { saveFileRequestSchema } from '../../../../shared/contractSchemas';
import { reportFileName } from './reportFileName';

const day = new Date(2026, 2, 14, 9, 30);

describe('the report’s suggested file name', () => {
  it('names the case, says it is a report and gives the day', () => {
    expect(reportFileName('Operation Lantern Quay', day)).toBe('Operation Lantern Quay – report – 2026-03-14.pdf');
  });

  it('is always a name the save request accepts, whatever the case is called', () => {
    for (const name of ['Ports/Harbours: 2021?', '..', '   ', 'Łódź \\ 北京 <draft>', 'x'.repeat(400), 'tab\there']) {
      const suggested = reportFileName(name, day);
      expect(saveFileRequestSchema.safeParse({ suggestedName: suggested, bytes: new Uint8Array([1]) }).success, suggested).toBe(true);
      expect(suggested.endsWith(' – report – 2026-03-14.pdf')).toBe(true);
    }
    expect(reportFileName('Ports/Harbours: 2021?', day)).toBe('Ports-Harbours - 2021- – report – 2026-03-14.pdf');
    expect(reportFileName('Sample case: Operation Lantern Quay', day)).toBe('Sample case - Operation Lantern Quay – report – 2026-03-14.pdf');
  });
});
