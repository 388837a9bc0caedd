import { useEffect, useState } from 'react';

/** The time, read again every `everyMs`: for what says "5 minutes ago" or waits for a moment to pass. */
export function useNow(everyMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
