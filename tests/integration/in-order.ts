/** Runs `step` on each item, one after the other (writes whose order the test relies on), and collects the results. */
export async function inOrder<T, R>(items: readonly T[], step: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (const [index, item] of items.entries()) results.push(await step(item, index));
  return results;
}

/** 0, 1, … count − 1. */
export const indexes = (count: number) => Array.from({ length: count }, (_, i) => i);
