import { useMemo, useState } from 'react';
import type { RunOutput } from '../../../shared/contract/playground';
import { diffAnswers } from './answer-diff';
import { AnswerDiffView } from './AnswerDiffView';
import { ResultPanel } from './ResultPanel';

/** A run on both sides: an answer, or why that side was not reached. */
export interface Comparison {
  live: RunOutput | string;
  replica: RunOutput | string;
}

/** The same request run on the live workspace and on its replica: the difference, or each answer. */
export const CompareResults = (props: {
  comparison: Comparison;
  liveName: string;
  replicaName: string;
  onLocate(line: number, column: number): void;
}) => {
  const { live, replica } = props.comparison;
  const [view, setView] = useState<'diff' | 'live' | 'replica'>('diff');
  const diff = useMemo(
    () =>
      typeof live === 'string' || typeof replica === 'string'
        ? null
        : diffAnswers(live.exchange, replica.exchange),
    [live, replica],
  );
  const side = (output: RunOutput | string, name: string) =>
    typeof output === 'string' ? (
      <p className="run-failure" role="alert">
        {name} not reached: {output}
      </p>
    ) : (
      <ResultPanel result={output} onLocate={props.onLocate} />
    );
  return (
    <div className="compare-results">
      <div className="segmented small" role="group" aria-label="Compared answers">
        <button aria-pressed={view === 'diff'} onClick={() => setView('diff')}>
          Difference
        </button>
        <button aria-pressed={view === 'live'} onClick={() => setView('live')}>
          {props.liveName}
        </button>
        <button aria-pressed={view === 'replica'} onClick={() => setView('replica')}>
          Replica
        </button>
      </div>
      {view === 'diff' ? (
        diff ? (
          <AnswerDiffView diff={diff} liveName={props.liveName} replicaName="the replica" />
        ) : (
          <>
            {typeof live === 'string' && side(live, props.liveName)}
            {typeof replica === 'string' && side(replica, props.replicaName)}
          </>
        )
      ) : view === 'live' ? (
        side(live, props.liveName)
      ) : (
        side(replica, props.replicaName)
      )}
    </div>
  );
};
