import './imports.css';
import { useImportEvents } from './import-queries';
import { ImportList } from './ImportList';
import { ImportWizard } from './ImportWizard';
import { useWizard } from './wizard-store';

/**
 * The Import tool (issue 8): the imports of the active workspace, and the wizard that makes,
 * validates and runs one (files → mapping → validate & review → run).
 */
export const ImportPage = () => {
  useImportEvents();
  const open = useWizard((state) => state.open);
  return <div className="imports">{open ? <ImportWizard /> : <ImportList />}</div>;
};
