import { Check, Copy } from 'lucide-react';
import { useState } from 'react';
import { toast } from 'sonner';

/** Copies a value (a URL, a secret) and says so for a moment. */
export const CopyButton = ({ value, what }: { value: string; what: string }) => {
  const [done, setDone] = useState(false);
  return (
    <button
      type="button"
      className="btn small ghost"
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
      {done ? <Check size={13} /> : <Copy size={13} />}
    </button>
  );
};
