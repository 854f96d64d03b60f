import { Check, Copy } from 'lucide-react';
import { useState } from 'react';
import { toast } from 'sonner';

/** Copies a value (a token) and says so for a moment. */
export const CopyButton = ({ value, what }: { value: string; what: string }) => {
  const [done, setDone] = useState(false);
  return (
    <button
      type="button"
      className="btn small"
      aria-label={`Copy ${what}`}
      title={`Copy ${what}`}
      onClick={() =>
        navigator.clipboard.writeText(value).then(
          () => {
            setDone(true);
            setTimeout(() => setDone(false), 1500);
          },
          () => toast.error(`Could not copy the ${what}: the clipboard is not available here`),
        )
      }
    >
      {done ? <Check size={13} aria-hidden /> : <Copy size={13} aria-hidden />}{' '}
      {done ? 'Copied' : 'Copy'}
    </button>
  );
};
