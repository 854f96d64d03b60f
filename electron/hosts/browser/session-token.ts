import { randomBytes, timingSafeEqual } from 'node:crypto';

/** A per-launch secret the renderer must present to open the contract socket. */
export const createSessionToken = () => {
  const token = randomBytes(32).toString('base64url');
  const expected = Buffer.from(token);
  return {
    token,
    matches(candidate: string | null | undefined): boolean {
      if (!candidate) return false;
      const given = Buffer.from(candidate);
      return given.length === expected.length && timingSafeEqual(given, expected);
    },
  };
};
