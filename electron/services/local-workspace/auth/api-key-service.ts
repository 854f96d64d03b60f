import { randomUUID } from 'node:crypto';
import { MetadataException } from '../metadata/metadata-errors';
import type { SqlExecutor } from '../storage/sql-engine';
import type { TokenService } from './api-key-tokens';

/**
 * Twenty's API-key operations (createApiKey, apiKeys, apiKey, updateApiKey, revokeApiKey,
 * assignRoleToApiKey, generateApiKeyToken). Tokens are never stored, only signed on demand.
 */
export interface ApiKeyRow {
  id: string;
  name: string;
  expiresAt: string;
  revokedAt: string | null;
  roleId: string | null;
  createdAt: string;
  updatedAt: string;
}

const iso = (value: unknown): string | null =>
  value === null || value === undefined
    ? null
    : (value instanceof Date ? value : new Date(String(value))).toISOString();
const toRow = (row: Record<string, unknown>): ApiKeyRow => ({
  id: String(row.id),
  name: String(row.name),
  expiresAt: iso(row.expiresAt)!,
  revokedAt: iso(row.revokedAt),
  roleId: (row.roleId as string | null) ?? null,
  createdAt: iso(row.createdAt)!,
  updatedAt: iso(row.updatedAt)!,
});

const parseDate = (value: unknown, name: string): Date => {
  const date = new Date(String(value));
  if (typeof value !== 'string' || Number.isNaN(date.getTime())) {
    throw new MetadataException(`${name} must be a valid date`, 'BAD_USER_INPUT', 'INVALID_INPUT');
  }
  return date;
};

const notFound = () =>
  new MetadataException(
    'API key not found',
    'NOT_FOUND',
    'API_KEY_NOT_FOUND',
    'API key not found.',
  );

export class ApiKeyService {
  constructor(
    private readonly db: SqlExecutor,
    private readonly tokens: TokenService,
  ) {}

  async list(): Promise<ApiKeyRow[]> {
    const { rows } = await this.db.query<Record<string, unknown>>(
      `SELECT * FROM core."apiKey" WHERE "revokedAt" IS NULL ORDER BY "createdAt", "id"`,
    );
    return rows.map(toRow);
  }

  async get(id: string): Promise<ApiKeyRow | null> {
    const { rows } = await this.db.query<Record<string, unknown>>(
      `SELECT * FROM core."apiKey" WHERE "id" = $1`,
      [id],
    );
    return rows[0] ? toRow(rows[0]) : null;
  }

  async role(roleId: string | null): Promise<Record<string, unknown> | null> {
    if (!roleId) return null;
    const { rows } = await this.db.query<Record<string, unknown>>(
      `SELECT * FROM core."role" WHERE "id" = $1`,
      [roleId],
    );
    return rows[0] ?? null;
  }

  async roles(): Promise<Record<string, unknown>[]> {
    return (
      await this.db.query<Record<string, unknown>>(`SELECT * FROM core."role" ORDER BY "label"`)
    ).rows;
  }

  private async assertAssignableRole(roleId: unknown): Promise<string> {
    const role = typeof roleId === 'string' ? await this.role(roleId).catch(() => null) : null;
    if (!role)
      throw new MetadataException(
        'Role not found',
        'NOT_FOUND',
        'ROLE_NOT_FOUND',
        'Role not found.',
      );
    if (!role.canBeAssignedToApiKeys) {
      throw new MetadataException(
        'Role cannot be assigned to API keys',
        'FORBIDDEN',
        'ROLE_CANNOT_BE_ASSIGNED_TO_API_KEYS',
      );
    }
    return String(role.id);
  }

  async create(input: {
    name?: unknown;
    expiresAt?: unknown;
    revokedAt?: unknown;
    roleId?: unknown;
  }): Promise<ApiKeyRow> {
    if (typeof input.name !== 'string' || input.name.trim() === '') {
      throw new MetadataException('name must not be empty', 'BAD_USER_INPUT', 'INVALID_INPUT');
    }
    const expiresAt = parseDate(input.expiresAt, 'expiresAt');
    const roleId = await this.assertAssignableRole(input.roleId);
    const revokedAt = input.revokedAt ? parseDate(input.revokedAt, 'revokedAt') : null;
    const { rows } = await this.db.query<Record<string, unknown>>(
      `INSERT INTO core."apiKey" ("id", "name", "expiresAt", "revokedAt", "roleId") VALUES ($1, $2, $3, $4, $5) RETURNING *`,
      [
        randomUUID(),
        input.name.trim(),
        expiresAt.toISOString(),
        revokedAt?.toISOString() ?? null,
        roleId,
      ],
    );
    return toRow(rows[0]!);
  }

  async update(input: {
    id: string;
    name?: unknown;
    expiresAt?: unknown;
    revokedAt?: unknown;
  }): Promise<ApiKeyRow | null> {
    const current = await this.get(input.id);
    if (!current) return null;
    const name = typeof input.name === 'string' ? input.name : current.name;
    const expiresAt =
      input.expiresAt !== undefined
        ? parseDate(input.expiresAt, 'expiresAt').toISOString()
        : current.expiresAt;
    const revokedAt =
      input.revokedAt === undefined
        ? current.revokedAt
        : input.revokedAt === null
          ? null
          : parseDate(input.revokedAt, 'revokedAt').toISOString();
    const { rows } = await this.db.query<Record<string, unknown>>(
      `UPDATE core."apiKey" SET "name" = $2, "expiresAt" = $3, "revokedAt" = $4, "updatedAt" = now() WHERE "id" = $1 RETURNING *`,
      [input.id, name, expiresAt, revokedAt],
    );
    return toRow(rows[0]!);
  }

  async revoke(id: string): Promise<ApiKeyRow | null> {
    const { rows } = await this.db.query<Record<string, unknown>>(
      `UPDATE core."apiKey" SET "revokedAt" = now(), "updatedAt" = now() WHERE "id" = $1 RETURNING *`,
      [id],
    );
    return rows[0] ? toRow(rows[0]) : null;
  }

  async assignRole(apiKeyId: string, roleId: string): Promise<boolean> {
    if (!(await this.get(apiKeyId))) throw notFound();
    const id = await this.assertAssignableRole(roleId);
    await this.db.query(
      `UPDATE core."apiKey" SET "roleId" = $2, "updatedAt" = now() WHERE "id" = $1`,
      [apiKeyId, id],
    );
    return true;
  }

  /** Signs a fresh token; Twenty re-checks that the key exists, is not revoked and not expired. */
  async generateToken(apiKeyId: string, expiresAt: unknown): Promise<{ token: string }> {
    const key = await this.get(apiKeyId);
    if (!key) throw notFound();
    if (key.revokedAt)
      throw new MetadataException('This API Key is revoked', 'FORBIDDEN', 'API_KEY_REVOKED');
    if (new Date(key.expiresAt).getTime() < Date.now()) {
      throw new MetadataException(
        'This API Key has expired',
        'BAD_USER_INPUT',
        'API_KEY_EXPIRED',
        'This API Key has expired.',
      );
    }
    const expiry = expiresAt ? parseDate(expiresAt, 'expiresAt') : new Date(key.expiresAt);
    return { token: await this.tokens.signApiKeyToken(apiKeyId, expiry) };
  }
}
