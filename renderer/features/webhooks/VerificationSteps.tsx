import { Check, X } from 'lucide-react';
import type { Verification } from '../../../shared/contract';
import { VerificationBadge } from './Badges';

/** The signature check step by step, on the raw bytes, as main ran it. */
export const VerificationSteps = ({ verification }: { verification: Verification }) => (
  <div className="verification-detail" data-testid="verification-detail">
    <p className="verification-summary">
      <VerificationBadge status={verification.status} />
      <span>{verification.reason}</span>
    </p>
    <ol className="check-steps">
      {verification.steps.map((step, index) => (
        <li key={index} data-ok={step.ok}>
          <span className="check-mark" aria-label={step.ok ? 'passed' : 'failed'}>
            {step.ok ? <Check size={14} /> : <X size={14} />}
          </span>
          <span className="check-name">{step.check}</span>
          <span className="check-detail">{step.detail}</span>
        </li>
      ))}
    </ol>
  </div>
);
