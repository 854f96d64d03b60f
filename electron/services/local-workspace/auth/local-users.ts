import { randomBytes, randomUUID, scryptSync, timingSafeEqual } from 'node:crypto';
import type { SqlExecutor } from '../storage/sql-engine';

/**
 * The local workspace's signed-in users (one admin by default). Recent Twenty servers let only a
 * user session — not an API key — create, mint and revoke API keys, so the local workspace
 * supports Twenty's credential sign-in. Passwords are stored as scrypt hashes only.
 */
export const ensureUserTable = async (db: SqlExecutor): Promise<void> => {
  await db.query(`CREATE TABLE IF NOT EXISTS core."user" (
    "id" uuid PRIMARY KEY,
    "email" text NOT NULL UNIQUE,
    "passwordHash" text NOT NULL,
    "createdAt" timestamptz NOT NULL DEFAULT now()
  )`);
};

const hashPassword = (password: string): string => {
  const salt = randomBytes(16);
  return `scrypt:${salt.toString('hex')}:${scryptSync(password, salt, 32).toString('hex')}`;
};

const verifyPassword = (password: string, stored: string): boolean => {
  const [scheme, saltHex, hashHex] = stored.split(':');
  if (scheme !== 'scrypt' || !saltHex || !hashHex) return false;
  const expected = Buffer.from(hashHex, 'hex');
  const actual = scryptSync(password, Buffer.from(saltHex, 'hex'), expected.length);
  return timingSafeEqual(actual, expected);
};

export const DEFAULT_ADMIN_EMAIL = 'admin@atelier.local';

/** Creates or re-keys a user; returns its id. */
export const setUserPassword = async (
  db: SqlExecutor,
  email: string,
  password: string,
): Promise<string> => {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO core."user" ("id", "email", "passwordHash") VALUES ($1, $2, $3)
     ON CONFLICT ("email") DO UPDATE SET "passwordHash" = EXCLUDED."passwordHash" RETURNING "id"`,
    [randomUUID(), email.toLowerCase(), hashPassword(password)],
  );
  return rows[0]!.id;
};

export const checkCredentials = async (
  db: SqlExecutor,
  email: string,
  password: string,
): Promise<string | null> => {
  const { rows } = await db.query<{ id: string; passwordHash: string }>(
    `SELECT "id", "passwordHash" FROM core."user" WHERE "email" = $1`,
    [email.toLowerCase()],
  );
  const user = rows[0];
  return user && verifyPassword(password, user.passwordHash) ? user.id : null;
};

export const generatePassword = (): string => randomBytes(12).toString('base64url');
