import { useState } from 'react';
import type { AccessOverview } from '../../../shared/contract';
import { countChanges, type AccessDraft } from './access-draft';
import { useAccessDraft, useAccessDraftActions } from './access-draft-store';
import { PlanDialog } from './PlanDialog';

/** "N changes · Discard · Review plan" while the connection has a draft. */
export const DraftBar = ({ overview }: { overview: AccessOverview }) => {
  const draft = useAccessDraft(overview.connectionId);
  const { discard } = useAccessDraftActions();
  // The draft under review: the dialog stays open (with its result) after apply clears the draft.
  const [reviewing, setReviewing] = useState<AccessDraft | null>(null);
  const count = draft ? countChanges(draft) : 0;
  return (
    <>
      {draft && (
        <div className="draft-bar access-draft-bar" role="region" aria-label="Draft">
          <span className="draft-count" data-testid="access-draft-count">
            {count} change{count === 1 ? '' : 's'}
          </span>
          <div className="divider" />
          <button className="btn small" onClick={() => discard(overview.connectionId)}>
            Discard
          </button>
          <button className="btn small primary" onClick={() => setReviewing(draft)}>
            Review plan
          </button>
        </div>
      )}
      {reviewing && (
        <PlanDialog
          connectionId={overview.connectionId}
          draft={reviewing}
          onClose={() => setReviewing(null)}
        />
      )}
    </>
  );
};
