import type { VerificationStatus } from '../../../shared/contract';
import { httpTone, VERIFICATION_LABELS } from './format';

/** Valid green, invalid red, unsigned grey, no secret amber (webhooks.css). */
export const VerificationBadge = (props: { status: VerificationStatus; reason?: string }) => (
  <span
    className="badge verification"
    data-status={props.status}
    data-testid="verification"
    title={props.reason}
  >
    {VERIFICATION_LABELS[props.status]}
  </span>
);

/** An HTTP status coloured by its family; "—" when there was none to give. */
export const HttpStatus = (props: { status: number | null; absent?: string; label?: string }) =>
  props.status === null && props.absent ? (
    <span className="meta">{props.absent}</span>
  ) : (
    <span className="http-status" data-tone={httpTone(props.status)} aria-label={props.label}>
      {props.status ?? 'no answer'}
    </span>
  );
