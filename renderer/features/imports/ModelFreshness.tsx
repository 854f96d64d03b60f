import { useQueryClient } from '@tanstack/react-query';
import { RotateCw } from 'lucide-react';
import { useState } from 'react';
import { rpc } from '../../api/rpc';
import { toastError } from '../../ui/toast-error';
import { ago } from './format';
import { useWorkspaceModel } from './import-queries';

/**
 * When the workspace's objects and fields were read, and a button to read them again (a field
 * added in Twenty since then shows up in the mapping after that).
 */
export const ModelFreshness = ({ connectionId }: { connectionId: string }) => {
  const model = useWorkspaceModel(connectionId);
  const client = useQueryClient();
  const [reading, setReading] = useState(false);
  const read = () => {
    setReading(true);
    rpc
      .call('dataModel.getModel', { connectionId, refresh: true })
      .then((fresh) => client.setQueryData(['dataModel', connectionId], fresh))
      .catch(toastError)
      .finally(() => setReading(false));
  };
  return (
    <span className="model-freshness meta">
      {model.data && (
        <span title={model.data.problem ?? undefined}>
          Fields read {ago(model.data.readAt)}
          {model.data.source === 'cache' ? ' (offline copy)' : ''}
        </span>
      )}
      <button
        className="btn small ghost"
        disabled={reading}
        aria-label="Read the workspace's fields again"
        title="Read the workspace's objects and fields again"
        onClick={read}
      >
        <RotateCw size={12} className={reading ? 'spin' : undefined} /> Read again
      </button>
    </span>
  );
};
