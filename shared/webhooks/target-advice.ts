import type { TargetAdvice } from '../contract/webhooks';
import { classifyHost, parseHttpUrl, type HostClass } from './host-class';

/**
 * Can this Twenty deliver to that URL? (docs/webhooks.md, Twenty's delivery mechanics.)
 * - The local workspace and replicas run on this computer and have no outbound safe mode: they
 *   reach a receiver on 127.0.0.1 directly, so its local URL is what they register.
 * - A remote Twenty reaches only what the internet reaches. Twenty Cloud can never reach this
 *   computer; a self-hosted Twenty on recent code refuses loopback and private-network targets
 *   while OUTBOUND_HTTP_SAFE_MODE_ENABLED is true (its default), older builds did not check.
 */
export interface AdviseTargetInput {
  connection: { kind: 'local' | 'replica' | 'remote'; url: string };
  targetUrl: string;
  receiver?: { url: string | null; publicUrl: string | null };
}

const isTwentyCloud = (connectionUrl: string): boolean => {
  const host = parseHttpUrl(connectionUrl)?.hostname.toLowerCase() ?? '';
  return host === 'twenty.com' || host.endsWith('.twenty.com');
};

const WHERE: Record<Exclude<HostClass, 'public'>, string> = {
  loopback: 'this computer',
  private: 'your local network',
};

const portOf = (url: URL): string => url.port || (url.protocol === 'https:' ? '443' : '80');

const tunnelRemedy = (local: URL | null, hasReceiver: boolean): string => {
  const port = local ? portOf(local) : '<port>';
  return (
    `Run a tunnel to port ${port} on this computer (for example \`cloudflared tunnel --url http://127.0.0.1:${port}\` or \`ngrok http ${port}\`), ` +
    (hasReceiver
      ? 'then set the tunnel’s https address as the receiver’s public URL; Atelier registers that instead.'
      : 'then register the tunnel’s https address instead.')
  );
};

const SAFE_MODE_REMEDY =
  'If this Twenty is self-hosted on this computer or your network, set OUTBOUND_HTTP_SAFE_MODE_ENABLED=false in the server’s environment and restart it. ' +
  'If it runs in Docker, 127.0.0.1 is the container itself: register http://host.docker.internal:<port>/… and let the receiver listen on all interfaces.';

/**
 * A tunnel forwards paths as they come: a public URL given as a bare origin gets the receiver's
 * `/hooks/<token>` path, so the registered URL leads to the receiver.
 */
export const publicTargetUrl = (publicUrl: string, localUrl: string | null): string => {
  const pub = parseHttpUrl(publicUrl);
  const local = localUrl ? parseHttpUrl(localUrl) : null;
  if (!pub || !local || (pub.pathname !== '/' && pub.pathname !== '')) return publicUrl.trim();
  return `${pub.origin}${local.pathname}${local.search}`;
};

export const adviseTarget = ({
  connection,
  targetUrl,
  receiver,
}: AdviseTargetInput): TargetAdvice => {
  const local = receiver?.url ? parseHttpUrl(receiver.url) : null;

  if (connection.kind === 'local' || connection.kind === 'replica') {
    const url = receiver?.url ?? targetUrl;
    if (!parseHttpUrl(url))
      return { level: 'blocked', url: null, message: `Not an http(s) URL: ${url}`, remedies: [] };
    return {
      level: 'ok',
      url,
      message:
        connection.kind === 'local'
          ? 'The local workspace runs on this computer and delivers to it directly.'
          : 'The replica runs on this computer and delivers to it directly.',
      remedies: [],
    };
  }

  const cloud = isTwentyCloud(connection.url);
  const publicUrl = receiver?.publicUrl ? publicTargetUrl(receiver.publicUrl, receiver.url) : null;
  const url = publicUrl ?? targetUrl;
  const parsed = parseHttpUrl(url);
  if (!parsed)
    return {
      level: 'blocked',
      url: null,
      message: `Not an http(s) URL: ${url}`,
      remedies: receiver ? [tunnelRemedy(local, true)] : [],
    };
  const where = classifyHost(parsed.hostname);
  if (where === 'public')
    return {
      level: 'ok',
      url,
      message: publicUrl
        ? `Twenty will deliver to the receiver’s public URL, ${url}.`
        : `Twenty will deliver to ${parsed.host}.`,
      remedies: [],
    };

  const tunnel = tunnelRemedy(local ?? parsed, receiver !== undefined);
  // The admin set this address on purpose (a name that resolves differently, a VPN…): warn.
  if (publicUrl)
    return {
      level: 'warning',
      url,
      message: `The receiver’s public URL points at ${WHERE[where]} (${parsed.host}), not at an address on the internet: ${cloud ? 'Twenty Cloud' : 'a remote Twenty'} may not reach it.`,
      remedies: cloud ? [tunnel] : [tunnel, SAFE_MODE_REMEDY],
    };
  if (cloud)
    return {
      level: 'blocked',
      url,
      message: `Twenty Cloud cannot reach this computer: ${parsed.host} is on ${WHERE[where]}.`,
      remedies: [tunnel],
    };
  return {
    level: 'warning',
    url,
    message:
      `${parsed.host} is on ${WHERE[where]}. Recent Twenty servers refuse to deliver there while ` +
      'OUTBOUND_HTTP_SAFE_MODE_ENABLED is true, which is the default; older ones deliver if they can reach it.',
    remedies: [tunnel, SAFE_MODE_REMEDY],
  };
};
