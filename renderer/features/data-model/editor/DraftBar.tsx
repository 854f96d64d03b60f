import {
  AlertTriangle,
  Download,
  FileDiff,
  Plus,
  Redo2,
  RotateCcw,
  Undo2,
  Upload,
  ListChecks,
} from 'lucide-react';
import { useMemo } from 'react';
import { toast } from 'sonner';
import { diffSchemas } from '../../../../shared/schema/diff-schema';
import { addObject, freeLabel, newObjectHead } from '../../../../shared/schema/draft-edits';
import { detectRenames } from '../../../../shared/schema/renames';
import { parseSchemaFile, serialiseSchemaFile } from '../../../../shared/schema/schema-file-format';
import { toastError } from '../../../ui/toast-error';
import { redoDraft, undoDraft, useDraftHistory, useDraftStore } from '../draft-store';
import { useDataModelView } from '../data-model-store';
import type { DraftProblem } from '../draft-problems';
import { downloadText, formatOf, pickTextFile, SCHEMA_FILE_TYPES } from '../schema-files';

/**
 * The draft's controls: how many changes it holds, undo/redo, discard, review the plan; a new
 * object; the model as a file (export JSON/YAML, import a file as the draft) and compare.
 */
interface Props {
  connectionName: string;
  takenNames: Set<string>;
  onReview: () => void;
  onDiscard: () => void;
  onCompare: () => void;
  /** Rules of Twenty the draft breaks: the plan is reviewed once there are none. */
  problems: DraftProblem[];
}

export const useDraftChanges = () => {
  const { base, target, renames } = useDraftStore();
  return useMemo(
    () => (base && target ? diffSchemas(base, target, renames) : []),
    [base, target, renames],
  );
};

export const DraftBar = ({
  connectionName,
  takenNames,
  onReview,
  onDiscard,
  onCompare,
  problems,
}: Props) => {
  const { edit, target, base } = useDraftStore();
  const history = useDraftHistory();
  const select = useDataModelView((state) => state.select);
  const changes = useDraftChanges();

  const newObject = () => {
    const label = freeLabel('New object', takenNames);
    const head = newObjectHead(label, `${label}s`);
    edit((draft) => addObject(draft, head));
    select({ object: head.nameSingular });
  };

  const exportFile = (format: 'json' | 'yaml') => {
    if (!target) return;
    const slug = connectionName.toLowerCase().replace(/[^a-z0-9]+/g, '-');
    downloadText(
      serialiseSchemaFile(target, format),
      `${slug}.schema.${format}`,
      format === 'json' ? 'application/json' : 'application/yaml',
    );
  };

  const importFile = async () => {
    try {
      const file = await pickTextFile(SCHEMA_FILE_TYPES);
      if (!file || !base) return;
      const imported = parseSchemaFile(file.text, formatOf(file.name));
      // The file becomes the draft: what it lacks is removed, renames are guessed conservatively.
      edit((draft) => ({ ...draft, target: imported, renames: detectRenames(base, imported) }));
      toast.success(`${file.name} is now the draft: review the plan before applying it`);
    } catch (error) {
      toastError(error);
    }
  };

  return (
    <div className="draft-bar" role="toolbar" aria-label="Draft">
      <button className="btn small" onClick={newObject}>
        <Plus size={14} /> New object
      </button>
      <span className="draft-count" data-testid="draft-count">
        {changes.length === 0 ? 'No changes' : `${changes.length} change(s) in draft`}
      </span>
      <button
        className="btn small ghost"
        aria-label="Undo"
        title="Undo (Ctrl+Z)"
        disabled={history.pastStates.length === 0}
        onClick={undoDraft}
      >
        <Undo2 size={14} />
      </button>
      <button
        className="btn small ghost"
        aria-label="Redo"
        title="Redo (Ctrl+Shift+Z)"
        disabled={history.futureStates.length === 0}
        onClick={redoDraft}
      >
        <Redo2 size={14} />
      </button>
      <button className="btn small" disabled={changes.length === 0} onClick={onDiscard}>
        <RotateCcw size={14} /> Discard
      </button>
      {problems.length > 0 && (
        <button
          className="btn small danger"
          data-testid="draft-problems"
          title={problems.map((problem) => problem.message).join('\n')}
          onClick={() => select(problems[0]!.selection)}
        >
          <AlertTriangle size={14} /> {problems.length} problem(s)
        </button>
      )}
      <button
        className="btn small primary"
        disabled={changes.length === 0 || problems.length > 0}
        title={problems.length > 0 ? 'Fix the problems first: Twenty would refuse them' : undefined}
        onClick={onReview}
      >
        <ListChecks size={14} /> Review plan
      </button>
      <span className="divider" />
      <button
        className="btn small"
        onClick={() => exportFile('json')}
        title="Export the model as drafted"
      >
        <Download size={14} /> JSON
      </button>
      <button
        className="btn small"
        onClick={() => exportFile('yaml')}
        title="Export the model as drafted"
      >
        <Download size={14} /> YAML
      </button>
      <button
        className="btn small"
        onClick={() => void importFile()}
        title="Open a schema file as the draft"
      >
        <Upload size={14} /> Import
      </button>
      <button className="btn small" onClick={onCompare}>
        <FileDiff size={14} /> Compare…
      </button>
    </div>
  );
};
