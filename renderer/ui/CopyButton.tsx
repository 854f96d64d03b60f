import { Check, Copy } from 'lucide-react';
import { useState } from 'react';
import { toast } from 'sonner';

/**
 * Copies a value (a URL, a secret, a token) and says so for a moment. Icon-only by default;
 * `withLabel` shows "Copy" / "Copied" beside the icon (where the copy is the dialog's point).
 */
export const CopyButton = ({
  value,
  what,
  withLabel = false,
}: {
  value: string;
  what: string;
  withLabel?: boolean;
}) => {
  const [done, setDone] = useState(false);
  return (
    <button
      type="button"
      className={withLabel ? 'btn small' : 'btn small ghost'}
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
      {done ? <Check size={13} aria-hidden /> : <Copy size={13} aria-hidden />}
      {withLabel && (done ? ' Copied' : ' Copy')}
    </button>
  );
};
