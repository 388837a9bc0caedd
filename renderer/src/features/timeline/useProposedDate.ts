import { useEffect, useState } from 'react';
import type { Excerpt } from '../../../../shared/domain';
import { queries } from '../../app/casebook';
import { datesClient } from '../../app/dates';
import { firstDateFieldText } from '../../dates/suggestions';
import { datesOptionsOf } from '../dates/useDocumentDates';

/**
 * The date proposed for an event made from an excerpt: the first date its quote gives that resolves, against its
 * document's published date and in its language, written as the date field reads it ("9 March 2021", "July 2020");
 * empty when there is none. Undefined while it is being found; `given` (a date chosen already) is taken as it is.
 */
export function useProposedDate(excerpt: Pick<Excerpt, 'id' | 'quote' | 'documentId'> | null | undefined, given: string | undefined): string | undefined {
  const [found, setFound] = useState<{ excerptId: string; text: string } | null>(null);
  const id = excerpt?.id;
  useEffect(() => {
    if (given !== undefined || !excerpt) return;
    let current = true;
    const answer = (text: string) => current && setFound({ excerptId: excerpt.id, text });
    (async () => {
      const [document] = excerpt.documentId ? await queries.documentsByIds([excerpt.documentId]) : [];
      const options = document ? datesOptionsOf(document) : { language: null, reference: null };
      const { dates } = await (await datesClient()).findDates(excerpt.quote, options);
      return firstDateFieldText(dates);
    })().then(answer, () => answer(''));
    return () => {
      current = false;
    };
    // The excerpt's quote is read once per excerpt: the form is seeded once.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id, given]);
  if (given !== undefined) return given;
  return found && found.excerptId === id ? found.text : undefined;
}
