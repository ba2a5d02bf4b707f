/**
 * Waiting on a condition, never on a fixed delay: `check` is run again until
 * it holds (every 50 ms) and the wait ends the moment it does. For conditions
 * no single event announces, such as two frames of different origins agreeing
 * on a height; where the page can say it, use page.waitForFunction instead.
 * Returns whether the condition held before `timeout`; the caller asserts,
 * with its own message, on what it measured last.
 */
export async function until(check: () => Promise<boolean>, timeout = 15_000): Promise<boolean> {
  const deadline = Date.now() + timeout;
  for (;;) {
    if (await check()) return true;
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
