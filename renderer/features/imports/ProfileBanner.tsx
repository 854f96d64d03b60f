import { Wand2 } from 'lucide-react';
import type { ProfileMatch } from '../../../shared/imports';

/**
 * The source profile (a Salesforce, HubSpot or Pipedrive export) the file looks like: the one
 * the mapping follows, or an offer to follow it, or to go back to generic suggestions.
 */
export const ProfileBanner = (props: {
  matches: readonly ProfileMatch[];
  current: string | undefined;
  objectName: string;
  onApply: (profileId: string | null) => void;
  disabled?: boolean;
}) => {
  const { matches, current } = props;
  const usable = matches.filter((match) => match.profile.object === props.objectName);
  const other = matches.find((match) => match.profile.object !== props.objectName);
  const active = usable.find((match) => match.profile.id === current);
  if (!usable.length && !other) return null;
  return (
    <div className="profile-banner" role="status" aria-label="Source profile">
      <Wand2 size={16} aria-hidden="true" />
      {active ? (
        <span>
          Mapped as a <strong>{active.profile.label}</strong> export (
          {Math.round(active.score * 100)}% match, {active.known.length} known columns).
        </span>
      ) : usable[0] ? (
        <span>
          This file looks like a <strong>{usable[0].profile.label}</strong> export (
          {Math.round(usable[0].score * 100)}% match).
        </span>
      ) : (
        <span>
          This file looks like a <strong>{other!.profile.label}</strong> export, made for{' '}
          {other!.profile.object === 'person' ? 'people' : `${other!.profile.object} records`}.
        </span>
      )}
      <span className="spacer" />
      {!props.disabled &&
        usable
          .filter((match) => match.profile.id !== current)
          .slice(0, 2)
          .map((match) => (
            <button
              key={match.profile.id}
              className="btn small"
              onClick={() => props.onApply(match.profile.id)}
            >
              Use the {match.profile.label} profile
            </button>
          ))}
      {!props.disabled && active && (
        <button className="btn small ghost" onClick={() => props.onApply(null)}>
          Suggest without it
        </button>
      )}
    </div>
  );
};
