import { QueryClient } from '@tanstack/react-query';

/**
 * The server is our own main process, always "online" from the page's point of view: React
 * Query must not pause queries because the machine has no internet (the local workspace works
 * offline).
 */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: { networkMode: 'always', retry: false, refetchOnWindowFocus: false, staleTime: 5_000 },
    mutations: { networkMode: 'always', retry: false },
  },
});
