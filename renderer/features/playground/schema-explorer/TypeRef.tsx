import { CornerDownLeft } from 'lucide-react';
import type { GraphQLType } from 'graphql';
import { wrappingOf } from './type-ref';

/** `[Company!]!` with the name as a link to its page. */
export const TypeRef = ({
  type,
  onOpen,
}: {
  type: GraphQLType;
  onOpen(typeName: string): void;
}) => {
  const { before, name, after } = wrappingOf(type);
  return (
    <span className="sx-type">
      {before}
      <button type="button" className="sx-type-link" onClick={() => onOpen(name)}>
        {name}
      </button>
      {after}
    </span>
  );
};

export const InsertButton = ({ field, onInsert }: { field: string; onInsert(): void }) => (
  <button
    type="button"
    className="sx-insert"
    aria-label={`Insert ${field}`}
    title={`Insert ${field} at the cursor, with its arguments and fields`}
    onClick={onInsert}
  >
    <CornerDownLeft size={12} aria-hidden /> Insert
  </button>
);
