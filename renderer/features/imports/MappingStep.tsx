import { ArrowRight } from 'lucide-react';
import { AutoMapping } from './AutoMapping';
import { CheckWorkspaceOption } from './CheckWorkspaceOption';
import { mappingProblems } from './draft';
import { ActiveFileMapping } from './ActiveFileMapping';
import { baseName } from './format';
import { useImport } from './import-queries';
import { useImportActions } from './use-import-actions';
import { useWizard } from './wizard-store';

/**
 * Step 2: one mapping per file (tabs when several), then the import is kept in main and
 * validated.
 */
export const MappingStep = ({ locked }: { locked: boolean }) => {
  const { draft, activeFile, stepsDirty } = useWizard();
  const { setActiveFile, goTo } = useWizard((state) => state.actions);
  const { busy, save, validate } = useImportActions();
  const file = draft.files.find((candidate) => candidate.key === activeFile) ?? draft.files[0];
  const problems = mappingProblems(draft);
  const { data: current } = useImport(draft.importId);
  const needsValidation = stepsDirty || !current || current.state === 'draft';

  const saveAndValidate = async () => {
    const imported = await save();
    if (imported.state !== 'validating') await validate(imported.id);
    goTo('review');
  };

  return (
    <div className="mapping-step">
      {locked && (
        <p className="notice" role="status">
          This import has written records: its mappings are shown as they ran.
        </p>
      )}
      {draft.files.length > 1 && (
        <div className="file-tabs" role="tablist" aria-label="Files">
          {draft.files.map((candidate) => (
            <button
              key={candidate.key}
              role="tab"
              aria-selected={candidate.key === file?.key}
              className="file-tab"
              onClick={() => setActiveFile(candidate.key)}
            >
              {baseName(candidate.path)} <span className="meta">→ {candidate.object}</span>
            </button>
          ))}
        </div>
      )}
      {!locked &&
        draft.files.map((candidate) => <AutoMapping key={candidate.key} file={candidate} />)}
      {file && <ActiveFileMapping file={file} locked={locked} />}
      <div className="step-footer">
        {problems.length > 0 && <span className="meta">{problems[0]}</span>}
        {!locked && needsValidation && <CheckWorkspaceOption disabled={busy !== null} />}
        {locked ? (
          <button className="btn primary" onClick={() => goTo('run')}>
            Results <ArrowRight size={14} />
          </button>
        ) : needsValidation ? (
          <button
            className="btn primary"
            disabled={problems.length > 0 || busy !== null}
            onClick={() => void saveAndValidate().catch(() => undefined)}
          >
            {busy === 'save' ? 'Saving…' : busy === 'validate' ? 'Starting…' : 'Save and validate'}
            <ArrowRight size={14} />
          </button>
        ) : (
          <button className="btn primary" onClick={() => goTo('review')}>
            Next: review <ArrowRight size={14} />
          </button>
        )}
      </div>
    </div>
  );
};
