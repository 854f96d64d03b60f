import type { ForwardResult } from '../../../shared/contract';
import { HttpStatus } from './Badges';
import { formatTime } from './format';

/** Where the delivery was forwarded (live or replayed) and what the handler answered. */
export const ForwardsList = ({ forwards }: { forwards: ForwardResult[] }) =>
  forwards.length === 0 ? (
    <p className="meta">Not forwarded.</p>
  ) : (
    <ul className="forwards" aria-label="Forwards">
      {forwards.map((forward, index) => (
        <li key={index} className="forward">
          <div className="forward-line">
            <HttpStatus status={forward.status} label="Handler answered" />
            <code className="forward-url">{forward.url}</code>
            <span className="meta">
              {formatTime(forward.at)} · {Math.round(forward.durationMs)} ms
            </span>
          </div>
          {forward.error && <p className="error">{forward.error}</p>}
          {forward.responseBody && <pre className="raw-body small">{forward.responseBody}</pre>}
        </li>
      ))}
    </ul>
  );
