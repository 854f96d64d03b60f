import type { Contract } from '../../shared/contract';
import { createRpcClient } from '../../shared/rpc/rpc-client';
import type { RpcTransport } from '../../shared/rpc/wire';
import { createWsTransport } from './ws-transport';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in browser mode. */
    atelier?: RpcTransport;
  }
}

const TOKEN_KEY = 'atelier.sessionToken';

/**
 * Browser mode receives the per-launch token in the URL fragment; it is kept for this tab only
 * and removed from the address bar so it does not end up in history or screenshots.
 */
const browserTransport = (): RpcTransport => {
  const fromHash = new URLSearchParams(window.location.hash.slice(1)).get('token');
  if (fromHash) {
    sessionStorage.setItem(TOKEN_KEY, fromHash);
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  const token = sessionStorage.getItem(TOKEN_KEY) ?? '';
  const url = new URL('/rpc', window.location.href);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  url.searchParams.set('token', token);
  return createWsTransport(url.toString());
};

export const rpc = createRpcClient<Contract>(window.atelier ?? browserTransport());
