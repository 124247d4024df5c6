// Polling until something the test cannot await directly (a job, a worker, a printer) has happened.

const pollMs = 100;

/** Resolves once `predicate` holds, polling every 100 ms; throws 'timed out waiting' after `timeoutMs`. */
export async function waitFor(
  predicate: () => boolean | Promise<boolean>,
  timeoutMs: number,
): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!(await predicate())) {
    if (performance.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}
