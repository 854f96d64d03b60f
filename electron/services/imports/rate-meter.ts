/**
 * Rows per second over the last moments (a sliding window of samples), for a progress line's
 * rate and ETA. Early figures are null until there is a second of history.
 */
export const createRateMeter = (windowMs = 10_000) => {
  const samples: { at: number; done: number }[] = [];
  return {
    sample(done: number, at = Date.now()): number | null {
      samples.push({ at, done });
      while (samples.length > 2 && at - samples[0]!.at > windowMs) samples.shift();
      const first = samples[0]!;
      const span = at - first.at;
      if (span < 1000) return null;
      return ((done - first.done) * 1000) / span;
    },
  };
};
