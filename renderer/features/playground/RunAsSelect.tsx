import './run-as.css';
import { useId, useState } from 'react';
import { useAccessOverview } from '../access';
import { usePlayground } from './playground-store';
import { runAsOptions } from './run-as';

/**
 * "Run as": the connection's own key (default) or one of the workspace's API keys, to try what a
 * key may do. The keys are read when the select is first opened; without them only the default.
 */
export const RunAsSelect = ({ connectionId }: { connectionId: string }) => {
  const id = useId();
  const chosen = usePlayground((state) => state.actAs[connectionId] ?? null);
  const setActAs = usePlayground((state) => state.setActAs);
  const [wanted, setWanted] = useState(chosen !== null);
  const overview = useAccessOverview(connectionId, wanted);
  const options = runAsOptions(overview.data?.apiKeys ?? []);
  const chosenMissing = chosen !== null && !options.some((option) => option.id === chosen);
  return (
    <label className="run-as" htmlFor={id}>
      <span>Run as</span>
      <select
        id={id}
        value={chosen ?? ''}
        title="Send the request with this API key instead of the connection's"
        onFocus={() => setWanted(true)}
        onMouseDown={() => setWanted(true)}
        onChange={(event) => setActAs(connectionId, event.target.value || null)}
      >
        <option value="">Connection key</option>
        {chosenMissing && (
          <option value={chosen}>{overview.isPending ? 'API key…' : 'Unknown key'}</option>
        )}
        {wanted && overview.isPending && (
          <option value="loading" disabled>
            Reading keys…
          </option>
        )}
        {options.map((option) => (
          <option key={option.id} value={option.id} disabled={option.disabled}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
};
