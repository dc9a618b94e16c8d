/**
 * Polls `probe` every 200 ms until it gives a value (anything but null, undefined or false) and returns it; throws
 * naming `what` when `ms` have passed. For the tests that wait on a server started beside them.
 */
export async function until<T>(what: string, ms: number, probe: () => Promise<T | null | undefined | false>): Promise<T> {
  for (const end = Date.now() + ms; ; await new Promise((r) => setTimeout(r, 200))) {
    const value = await probe();
    if (value !== null && value !== undefined && value !== false) return value;
    if (Date.now() > end) throw new Error(`${what}: not within ${ms} ms`);
  }
}
