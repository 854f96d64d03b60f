import { Download } from 'lucide-react';
import { useState } from 'react';
import type { Import } from '../../../shared/contract';
import { rpc } from '../../api/rpc';
import { toastError } from '../../ui/toast-error';
import { offerReport } from './download';
import { MappingProblems } from './MappingProblems';
import { ProblemGrid } from './ProblemGrid';
import { StepCounts } from './StepCounts';

/** One file's review: its counts, its error report, its grid of rows with problems. */
export const StepReview = (props: { imported: Import; stepId: string; locked: boolean }) => {
  const step = props.imported.steps.find((candidate) => candidate.id === props.stepId);
  const [downloading, setDownloading] = useState(false);
  if (!step) return null;
  const download = () => {
    setDownloading(true);
    rpc
      .call('imports.errorReport', { importId: props.imported.id, stepId: step.id })
      .then(offerReport)
      .catch(toastError)
      .finally(() => setDownloading(false));
  };
  return (
    <div className="step-review">
      <div className="step-review-head">
        <StepCounts counts={step.counts} kind="validation" label={`Counts of ${step.fileName}`} />
        <button className="btn" disabled={downloading} onClick={download}>
          <Download size={14} /> Download error report
        </button>
      </div>
      <MappingProblems problems={step.mappingProblems} />
      <ProblemGrid
        key={step.id}
        importId={props.imported.id}
        stepId={step.id}
        disabled={props.locked}
      />
    </div>
  );
};
