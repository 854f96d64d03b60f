/** What other features use of the Access tool. */
export { overviewKey, useAccessOverview } from './access-queries';
