import type { Edge, Node } from '@xyflow/react';
import type { ModelField, ModelObject, WorkspaceModel } from '../../../shared/contract/data-model';
import type { ChangeMark } from './draft-overlay';

/** What the diagram shows of a model: pure, so filters and naming are cheap to recompute. */
export interface GraphOptions {
  customOnly: boolean;
  showSystem: boolean;
  naming: 'label' | 'api';
}

export interface ObjectNodeData extends Record<string, unknown> {
  object: ModelObject;
  fields: ModelField[];
  naming: GraphOptions['naming'];
  highlighted: boolean;
  selected: boolean;
  /** What the draft does to the object and to its fields (by field name). */
  mark: ChangeMark | null;
  fieldMarks: Record<string, ChangeMark>;
}

export type ObjectNode = Node<ObjectNodeData, 'object'>;

export const NODE_WIDTH = 260;
const HEADER_HEIGHT = 44;
const ROW_HEIGHT = 24;
export const MAX_FIELD_ROWS = 14;

export const nodeHeight = (fields: number) =>
  HEADER_HEIGHT + Math.min(fields, MAX_FIELD_ROWS + 1) * ROW_HEIGHT + 8;

const visibleObject = (object: ModelObject, options: GraphOptions) =>
  (options.showSystem || !object.isSystem) &&
  (!options.customOnly || object.isCustom || object.fields.some((field) => field.isCustom));

const visibleField = (field: ModelField, options: GraphOptions) =>
  (options.showSystem || !field.isSystem) &&
  (!options.customOnly || field.isCustom || field.name === 'name');

/** Custom fields first, then by label: what an admin designing the model looks for. */
const fieldOrder = (a: ModelField, b: ModelField) =>
  Number(b.isCustom) - Number(a.isCustom) || a.label.localeCompare(b.label);

export const buildGraph = (
  model: WorkspaceModel,
  options: GraphOptions,
  marks: Map<string, ChangeMark> = new Map(),
): { nodes: ObjectNode[]; edges: Edge[] } => {
  const objects = model.objects.filter((object) => visibleObject(object, options));
  const shown = new Set(objects.map((object) => object.nameSingular));
  const nodes: ObjectNode[] = objects.map((object) => {
    const fields = object.fields.filter((field) => visibleField(field, options)).sort(fieldOrder);
    return {
      id: object.nameSingular,
      type: 'object',
      position: { x: 0, y: 0 },
      width: NODE_WIDTH,
      height: nodeHeight(fields.length),
      data: {
        object,
        fields,
        naming: options.naming,
        highlighted: false,
        selected: false,
        mark: marks.get(object.nameSingular) ?? null,
        fieldMarks: Object.fromEntries(
          fields.flatMap((field) => {
            const mark = marks.get(`${object.nameSingular}.${field.name}`);
            return mark ? [[field.name, mark]] : [];
          }),
        ),
      },
    };
  });
  const edges: Edge[] = [];
  for (const object of objects) {
    for (const field of object.fields) {
      // Each relation is drawn once, from its many-to-one side (the inverse is the same edge).
      if (!field.relation || field.relation.type !== 'MANY_TO_ONE') continue;
      if (!shown.has(field.relation.targetObject) || !visibleField(field, options)) continue;
      const mark = marks.get(`${object.nameSingular}.${field.name}`);
      edges.push({
        id: `${object.nameSingular}.${field.name}`,
        ...(mark ? { className: `edge-${mark}` } : {}),
        source: object.nameSingular,
        target: field.relation.targetObject,
        label: options.naming === 'api' ? field.name : field.label,
        data: { cardinality: 'N:1' },
        markerEnd: 'arrow',
      } as Edge);
    }
  }
  return { nodes, edges };
};
