import { createHash, randomUUID } from 'node:crypto';
import { errors as joseErrors, jwtVerify, SignJWT } from 'jose';
import type { SqlExecutor } from '../storage/sql-engine';
import {
  expiredToken,
  invalidToken,
  missingToken,
  revokedKey,
  workspaceNotFound,
} from './auth-errors';

/**
 * API keys as Twenty mints them: a core."apiKey" row (never the token) and an HS256 JWT with
 * sub = workspaceId, type = API_KEY, jti = apiKeyId, exp. The workspace CLI's `--api-key <token>`
 * registers a fixed bearer string for a key (stored only as a SHA-256 hash) for tests and scripts.
 */
export interface AuthContext {
  kind: 'apiKey' | 'access';
  workspaceId: string;
  apiKeyId?: string;
  userId?: string;
  roleId: string | null;
}

export const ensureTokenTables = async (db: SqlExecutor): Promise<void> => {
  await db.query(`CREATE TABLE IF NOT EXISTS core."fixedToken" (
    "tokenHash" text PRIMARY KEY,
    "apiKeyId" uuid NOT NULL REFERENCES core."apiKey"("id") ON DELETE CASCADE
  )`);
  // Twenty's core."appToken": refresh tokens are rows (jti = id) so they can be revoked.
  await db.query(`CREATE TABLE IF NOT EXISTS core."appToken" (
    "id" uuid PRIMARY KEY,
    "userId" uuid NOT NULL,
    "type" text NOT NULL,
    "expiresAt" timestamptz NOT NULL,
    "revokedAt" timestamptz,
    "createdAt" timestamptz NOT NULL DEFAULT now()
  )`);
};

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');
const HUNDRED_YEARS_MS = 100 * 365 * 24 * 3600 * 1000;

export class TokenService {
  private readonly key: Uint8Array;

  constructor(
    private readonly db: SqlExecutor,
    readonly workspaceId: string,
    jwtSecret: string,
  ) {
    this.key = new TextEncoder().encode(jwtSecret);
  }

  async signApiKeyToken(apiKeyId: string, expiresAt: Date): Promise<string> {
    return new SignJWT({ type: 'API_KEY', workspaceId: this.workspaceId })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(this.workspaceId)
      .setJti(apiKeyId)
      .setIssuedAt()
      .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
      .sign(this.key);
  }

  /** Session access token of the local admin user (Twenty: type ACCESS, 30 min by default). */
  async signAccessToken(
    userId: string,
    ttlSeconds = 30 * 60,
  ): Promise<{ token: string; expiresAt: string }> {
    const expiresAt = new Date(Date.now() + ttlSeconds * 1000);
    const token = await new SignJWT({ type: 'ACCESS', workspaceId: this.workspaceId, userId })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(userId)
      .setJti(randomUUID())
      .setIssuedAt()
      .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
      .sign(this.key);
    return { token, expiresAt: expiresAt.toISOString() };
  }

  /** Twenty's REFRESH token: a core."appToken" row and a JWT whose jti is that row (60 days). */
  async signRefreshToken(
    userId: string,
    ttlSeconds = 60 * 24 * 3600,
  ): Promise<{ token: string; expiresAt: string }> {
    const id = randomUUID();
    const expiresAt = new Date(Date.now() + ttlSeconds * 1000);
    await this.db.query(
      `INSERT INTO core."appToken" ("id", "userId", "type", "expiresAt") VALUES ($1, $2, 'REFRESH_TOKEN', $3)`,
      [id, userId, expiresAt.toISOString()],
    );
    const token = await new SignJWT({ type: 'REFRESH', workspaceId: this.workspaceId, userId })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(userId)
      .setJti(id)
      .setIssuedAt()
      .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
      .sign(this.key);
    return { token, expiresAt: expiresAt.toISOString() };
  }

  /** A refresh token's claims, or Twenty's JWT error (expired / invalid). */
  async verifyRefreshToken(token: string): Promise<{ userId: string; tokenId: string }> {
    let payload: Record<string, unknown>;
    try {
      ({ payload } = await jwtVerify(token, this.key, { algorithms: ['HS256'] }));
    } catch (error) {
      if (error instanceof joseErrors.JWTExpired) throw expiredToken();
      throw invalidToken();
    }
    if (
      payload.type !== 'REFRESH' ||
      typeof payload.jti !== 'string' ||
      typeof payload.sub !== 'string'
    )
      throw invalidToken();
    return { userId: payload.sub, tokenId: payload.jti };
  }

  async registerFixedToken(token: string, apiKeyId: string): Promise<void> {
    await this.db.query(
      `INSERT INTO core."fixedToken" ("tokenHash", "apiKeyId") VALUES ($1, $2) ON CONFLICT ("tokenHash") DO UPDATE SET "apiKeyId" = EXCLUDED."apiKeyId"`,
      [sha256(token), apiKeyId],
    );
  }

  /** Resolves `Authorization: Bearer …` into who is calling, or throws Twenty's auth error. */
  async authenticate(authorization: string | undefined): Promise<AuthContext> {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
    if (!match?.[1]) throw missingToken();
    const token = match[1];
    const fixed = await this.db.query<{ apiKeyId: string }>(
      `SELECT "apiKeyId" FROM core."fixedToken" WHERE "tokenHash" = $1`,
      [sha256(token)],
    );
    if (fixed.rows[0]) return this.apiKeyContext(fixed.rows[0].apiKeyId);
    let payload: Record<string, unknown>;
    try {
      ({ payload } = await jwtVerify(token, this.key, { algorithms: ['HS256'] }));
    } catch (error) {
      if (error instanceof joseErrors.JWTExpired) throw expiredToken();
      throw invalidToken();
    }
    if (payload.workspaceId !== this.workspaceId) throw workspaceNotFound();
    if (payload.type === 'API_KEY' && typeof payload.jti === 'string')
      return this.apiKeyContext(payload.jti);
    if (payload.type === 'ACCESS' && typeof payload.userId === 'string') {
      return {
        kind: 'access',
        workspaceId: this.workspaceId,
        userId: payload.userId,
        roleId: await this.adminRoleId(),
      };
    }
    throw invalidToken();
  }

  private async apiKeyContext(apiKeyId: string): Promise<AuthContext> {
    const { rows } = await this.db.query<{ revokedAt: Date | null; roleId: string | null }>(
      `SELECT "revokedAt", "roleId" FROM core."apiKey" WHERE "id" = $1`,
      [apiKeyId],
    );
    const key = rows[0];
    if (!key || key.revokedAt) throw revokedKey();
    return { kind: 'apiKey', workspaceId: this.workspaceId, apiKeyId, roleId: key.roleId };
  }

  private async adminRoleId(): Promise<string | null> {
    const { rows } = await this.db.query<{ id: string }>(
      `SELECT "id" FROM core."role" WHERE "label" = 'Admin' LIMIT 1`,
    );
    return rows[0]?.id ?? null;
  }
}

export const neverExpires = (): Date => new Date(Date.now() + HUNDRED_YEARS_MS);
