/**
 * Cleanup for a bench that starts processes: steps run once, last registered first, on success,
 * failure or a signal (Ctrl+C reaches the whole process group, and tsx relays it again).
 * Playwright's own signal handlers should be off (`handleSIGINT: false`, …) so the browser closes
 * in this order.
 */
export const createCleanups = (log: (line: string) => void) => {
  const steps: Array<() => Promise<void> | void> = [];
  let cleaning: Promise<void> | null = null;
  const run = () =>
    (cleaning ??= (async () => {
      for (const step of steps.reverse()) {
        try {
          await step();
        } catch (error) {
          log(`cleanup: ${(error as Error).message}`);
        }
      }
    })());
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const)
    process.on(signal, () => {
      if (cleaning) return;
      log(`${signal}: stopping what the bench started…`);
      void run().then(() => process.exit(130));
    });
  return {
    add(step: () => Promise<void> | void) {
      steps.push(step);
    },
    run,
  };
};
