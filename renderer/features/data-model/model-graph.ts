import { Position, type Edge, type Node, type NodeHandle } from '@xyflow/react';
import type { ModelField, ModelObject, WorkspaceModel } from '../../../shared/contract/data-model';
import type { ChangeMark } from './draft-overlay';

/** What the diagram shows of a model: pure, so filters and naming are cheap to recompute. */
export interface GraphOptions {
  customOnly: boolean;
  showSystem: boolean;
  naming: 'label' | 'api';
  /** Field rows on the objects: collapsed to a count by default on big models. */
  fields: 'auto' | 'shown' | 'collapsed';
}

/** Above this many objects, field rows start collapsed and the layout trades tidiness for speed. */
export const BIG_MODEL = 120;

export interface ObjectNodeData extends Record<string, unknown> {
  object: ModelObject;
  fields: ModelField[];
  naming: GraphOptions['naming'];
  highlighted: boolean;
  selected: boolean;
  /** What the draft does to the object and to its fields (by field name). */
  mark: ChangeMark | null;
  fieldMarks: Record<string, ChangeMark>;
  /** Header and field count only: the rows are read in the side panel. */
  collapsed: boolean;
  /** Set by the diagram from its zoom (one store subscription, not one per node). */
  zoomedOut: boolean;
}

export type ObjectNode = Node<ObjectNodeData, 'object'>;

export const NODE_WIDTH = 260;
const HEADER_HEIGHT = 44;
const ROW_HEIGHT = 24;
export const MAX_FIELD_ROWS = 14;

export const nodeHeight = (fields: number) =>
  HEADER_HEIGHT + Math.min(fields, MAX_FIELD_ROWS + 1) * ROW_HEIGHT + 8;
export const COLLAPSED_HEIGHT = HEADER_HEIGHT + 28;
const HANDLE_SIZE = 10;

/**
 * Where the relation handles sit, known before the node is drawn: React Flow then neither renders
 * every off-screen node once to measure it nor waits for that to place edges.
 */
const handlesOf = (height: number): NodeHandle[] =>
  (['target', 'source'] as const).map((type) => ({
    type,
    position: type === 'target' ? Position.Left : Position.Right,
    x: (type === 'target' ? 0 : NODE_WIDTH) - HANDLE_SIZE / 2,
    y: height / 2 - HANDLE_SIZE / 2,
    width: HANDLE_SIZE,
    height: HANDLE_SIZE,
  }));

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
): { nodes: ObjectNode[]; edges: Edge[]; collapsed: boolean } => {
  const objects = model.objects.filter((object) => visibleObject(object, options));
  const shown = new Set(objects.map((object) => object.nameSingular));
  const collapsed =
    options.fields === 'collapsed' || (options.fields === 'auto' && objects.length > BIG_MODEL);
  const nodes: ObjectNode[] = objects.map((object) => {
    const fields = object.fields.filter((field) => visibleField(field, options)).sort(fieldOrder);
    const height = collapsed ? COLLAPSED_HEIGHT : nodeHeight(fields.length);
    return {
      id: object.nameSingular,
      type: 'object',
      position: { x: 0, y: 0 },
      width: NODE_WIDTH,
      height,
      handles: handlesOf(height),
      data: {
        collapsed,
        zoomedOut: false,
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
  return { nodes, edges, collapsed };
};
