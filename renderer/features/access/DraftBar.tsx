import { useState } from 'react';
import type { AccessOverview } from '../../../shared/contract';
import { countChanges } from './access-draft';
import { useAccessDraft, useAccessDraftActions } from './access-draft-store';
import { PlanDialog } from './PlanDialog';

/** "N changes · Discard · Review plan" while the connection has a draft. */
export const DraftBar = ({ overview }: { overview: AccessOverview }) => {
  const draft = useAccessDraft(overview.connectionId);
  const { discard } = useAccessDraftActions();
  const [reviewing, setReviewing] = useState(false);
  if (!draft && !reviewing) return null;
  const count = draft ? countChanges(draft) : 0;
  return (
    <div className="draft-bar access-draft-bar" role="region" aria-label="Draft">
      <span className="draft-count" data-testid="access-draft-count">
        {count} change{count === 1 ? '' : 's'}
      </span>
      <div className="divider" />
      <button className="btn small" onClick={() => discard(overview.connectionId)}>
        Discard
      </button>
      <button className="btn small primary" onClick={() => setReviewing(true)}>
        Review plan
      </button>
      {reviewing && draft && (
        <PlanDialog
          connectionId={overview.connectionId}
          draft={draft}
          onClose={() => setReviewing(false)}
        />
      )}
    </div>
  );
};
