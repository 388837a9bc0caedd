/** Records the main thread's long tasks (over 50 ms) until stopped; returns the longest, in milliseconds. */
export function watchLongTasks(): () => number {
  let longest = 0;
  const observer = new PerformanceObserver((list) => list.getEntries().forEach((entry) => (longest = Math.max(longest, entry.duration))));
  observer.observe({ type: 'longtask', buffered: false });
  return () => {
    observer.takeRecords().forEach((entry) => (longest = Math.max(longest, entry.duration)));
    observer.disconnect();
    return longest;
  };
}
