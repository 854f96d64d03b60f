import { useQuery } from '@tanstack/react-query';
import { FolderOpen } from 'lucide-react';
import { rpc } from '../../api/rpc';
import { toastError } from '../../ui/toast-error';

/**
 * The desktop's open-file dialog for spreadsheets (several at once). Browser mode has none —
 * the page cannot learn a local path from a file picker — so the button only shows on desktop.
 */
export const ChooseFilesButton = (props: { onChosen: (paths: string[]) => void }) => {
  const { data: info } = useQuery({
    queryKey: ['app', 'info'],
    queryFn: () => rpc.call('app.getInfo', {}),
    staleTime: Infinity,
  });
  if (info?.host !== 'desktop') return null;
  const choose = () =>
    rpc
      .call('app.chooseFiles', { kind: 'spreadsheet', multiple: true })
      .then((chosen) => {
        if (chosen.supported && chosen.paths.length) props.onChosen(chosen.paths);
      })
      .catch(toastError);
  return (
    <button type="button" className="btn" onClick={() => void choose()}>
      <FolderOpen size={14} /> Choose files…
    </button>
  );
};
