import { ChevronDown, ChevronRight } from 'lucide-react';

/** The chevron that opens an object's row onto its fields (matrix and effective access). */
export const ExpandButton = (props: { expanded: boolean; label: string; onToggle(): void }) => (
  <button
    type="button"
    className="expand"
    aria-expanded={props.expanded}
    aria-label={props.label}
    onClick={props.onToggle}
  >
    {props.expanded ? (
      <ChevronDown size={13} aria-hidden />
    ) : (
      <ChevronRight size={13} aria-hidden />
    )}
  </button>
);
