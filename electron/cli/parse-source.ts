import { isAppError } from '../../shared/errors/app-error';
import { normalizeBaseUrl } from '../services/twenty-client';
import { SourceError } from './cli-errors';

/**
 * A source argument: a schema file, a workspace by URL (`url:<baseUrl>`, key from the
 * environment) or a saved connection of the app (`connection:<name>`).
 */
export type SourceSpec =
  | { kind: 'file'; path: string; text: string }
  | { kind: 'url'; baseUrl: string; text: string }
  | { kind: 'connection'; name: string; text: string };

export type WorkspaceSpec = Exclude<SourceSpec, { kind: 'file' }>;

export const SOURCE_FORMS = './schema.json | url:<baseUrl> | connection:<name>';

export const parseSource = (text: string): SourceSpec => {
  if (text.trim() === '') throw new SourceError(`A source is empty; expected ${SOURCE_FORMS}`);
  if (text.startsWith('url:')) {
    const raw = text.slice('url:'.length);
    try {
      return { kind: 'url', baseUrl: normalizeBaseUrl(raw), text };
    } catch (error) {
      if (isAppError(error))
        throw new SourceError(`${text} is not a workspace URL: ${error.message}`);
      throw error;
    }
  }
  if (text.startsWith('connection:')) {
    const name = text.slice('connection:'.length).trim();
    if (!name) throw new SourceError('connection: needs the name of a saved connection');
    return { kind: 'connection', name, text };
  }
  // A bare URL is almost certainly meant as a workspace, not as a file of that name.
  if (/^https?:\/\//i.test(text))
    throw new SourceError(`${text} looks like a URL: write url:${text} to read that workspace`);
  return { kind: 'file', path: text, text };
};

export const isWorkspaceSpec = (spec: SourceSpec): spec is WorkspaceSpec => spec.kind !== 'file';
