import { TriangleAlert } from 'lucide-react';
import type { AccessObject, RoleDraft } from '../../../shared/contract';
import type { OverrideKey } from './access-draft';
import {
  TOGGLES,
  toggleLabel,
  toggleState,
  WRITE_WITHOUT_READ,
  writesWithoutRead,
} from './cell-state';

/**
 * One role × object: four toggles R U D X. Each shows what Twenty applies; an override is solid,
 * an inherited value dimmed. Clicking cycles inherit → allow → deny → inherit.
 */
export const MatrixCell = (props: {
  role: RoleDraft;
  object: AccessObject;
  /** Why the role cannot be edited here, or null. */
  lockedReason: string | null;
  /** 'override': the admin set this toggle; 'effect': what it inherits changed. */
  changeOf: (key: OverrideKey) => 'override' | 'effect' | undefined;
  onCycle: (key: OverrideKey) => void;
}) => {
  const { role, object } = props;
  const warn = writesWithoutRead(role, object);
  return (
    <div className="matrix-cell">
      {TOGGLES.map((toggle) => {
        const state = toggleState(role, object, toggle.key);
        const label = toggleLabel(role.label, object.labelPlural, toggle.name, state);
        const mode = state.override === null ? 'inherit' : state.override ? 'allow' : 'deny';
        return (
          <button
            key={toggle.key}
            type="button"
            className="toggle"
            data-mode={mode}
            data-effective={state.effective}
            data-changed={props.changeOf(toggle.key)}
            aria-label={label}
            title={
              props.lockedReason ??
              (state.ruled
                ? `${label}. Twenty decides this object by a settings rule: overrides are ignored`
                : `${label}. Click: inherit → allow → deny`)
            }
            disabled={props.lockedReason !== null}
            onClick={() => props.onCycle(toggle.key)}
          >
            {toggle.letter}
          </button>
        );
      })}
      {warn && (
        <span
          className="cell-hint"
          title={WRITE_WITHOUT_READ}
          role="img"
          aria-label={WRITE_WITHOUT_READ}
        >
          <TriangleAlert size={12} aria-hidden />
        </span>
      )}
    </div>
  );
};
