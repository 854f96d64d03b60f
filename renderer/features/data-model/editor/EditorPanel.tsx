import { X } from 'lucide-react';
import { useMemo } from 'react';
import type { WorkspaceModel } from '../../../../shared/contract/data-model';
import { useDraftStore } from '../draft-store';
import { useDataModelView } from '../data-model-store';
import type { ChangeMark } from '../draft-overlay';
import { FieldEditor } from './FieldEditor';
import { ObjectEditor } from './ObjectEditor';

/**
 * The side panel: the selected object or field of the draft. Editors are keyed by what they
 * show, so an undo or another selection starts them from the draft again.
 */
interface Props {
  connectionId: string;
  model: WorkspaceModel;
  marks: Map<string, ChangeMark>;
  onAddRelation: (source: string) => void;
}

export const takenObjectNames = (model: WorkspaceModel, except: string) =>
  new Set(
    model.objects
      .filter((object) => object.nameSingular !== except)
      .flatMap((object) => [object.nameSingular, object.namePlural]),
  );

export const EditorPanel = ({ connectionId, model, marks, onAddRelation }: Props) => {
  const selection = useDataModelView((state) => state.selection);
  const select = useDataModelView((state) => state.select);
  const target = useDraftStore((state) => state.target);
  const generation = useDraftStore((state) => state.generation);
  const selectionKey = useDataModelView((state) => state.selectionKey);
  const object = model.objects.find((candidate) => candidate.nameSingular === selection?.object);
  const taken = useMemo(
    () => takenObjectNames(model, selection?.object ?? ''),
    [model, selection?.object],
  );
  if (!selection || !object) return null;
  const draftObject = target?.objects.find((o) => o.nameSingular === object.nameSingular);
  const field = selection.field
    ? draftObject?.fields.find((candidate) => candidate.name === selection.field)
    : undefined;
  const otherNames = new Set(
    object.fields.map((candidate) => candidate.name).filter((name) => name !== selection.field),
  );
  return (
    <aside className="editor-panel" aria-label="Editor">
      <div className="editor-crumbs">
        <button
          type="button"
          className="link"
          onClick={() => select({ object: object.nameSingular })}
        >
          {object.labelSingular}
        </button>
        {field && <span>/ {field.label}</span>}
        <span className="spacer" />
        <button
          type="button"
          className="btn ghost small"
          aria-label="Close the editor"
          onClick={() => select(null)}
        >
          <X size={14} />
        </button>
      </div>
      {field ? (
        <FieldEditor
          key={`field:${selectionKey}:${generation}`}
          connectionId={connectionId}
          objectName={object.nameSingular}
          field={field}
          otherNames={otherNames}
        />
      ) : (
        <ObjectEditor
          key={`object:${selectionKey}:${generation}`}
          connectionId={connectionId}
          object={object}
          marks={marks}
          takenNames={taken}
          onAddRelation={() => onAddRelation(object.nameSingular)}
        />
      )}
    </aside>
  );
};
