import type { FieldMetadataType } from '../../../../shared/domain/field-metadata-type';
import { cloneViewState, type ViewState } from '../views/view-types';

/** One row of core."objectMetadata", as the metadata API exposes it (plus internal columns). */
export interface ObjectRow {
  id: string;
  universalIdentifier: string;
  standardId: string | null;
  nameSingular: string;
  namePlural: string;
  labelSingular: string;
  labelPlural: string;
  description: string | null;
  icon: string | null;
  shortcut: string | null;
  color: string | null;
  isCustom: boolean;
  isRemote: boolean;
  isActive: boolean;
  isSystem: boolean;
  isUIReadOnly: boolean;
  isSearchable: boolean;
  isLabelSyncedWithName: boolean;
  labelIdentifierFieldMetadataId: string | null;
  imageIdentifierFieldMetadataId: string | null;
  duplicateCriteria: string[][] | null;
  openRecordIn: string;
  applicationId: string;
  createdAt: string;
  updatedAt: string;
}

export type RelationType = 'MANY_TO_ONE' | 'ONE_TO_MANY';

export interface FieldRow {
  id: string;
  universalIdentifier: string;
  standardId: string | null;
  objectMetadataId: string;
  type: FieldMetadataType;
  name: string;
  label: string;
  description: string | null;
  icon: string | null;
  isCustom: boolean;
  isActive: boolean;
  isSystem: boolean;
  isUIReadOnly: boolean;
  isNullable: boolean;
  isUnique: boolean;
  isLabelSyncedWithName: boolean;
  defaultValue: unknown;
  options: SelectOption[] | null;
  settings: Record<string, unknown> | null;
  relationTargetFieldMetadataId: string | null;
  relationTargetObjectMetadataId: string | null;
  morphId: string | null;
  applicationId: string;
  createdAt: string;
  updatedAt: string;
}

export interface SelectOption {
  id: string;
  label: string;
  value: string;
  position: number;
  color?: string;
}

export interface IndexRow {
  id: string;
  objectMetadataId: string;
  name: string;
  isUnique: boolean;
  isCustom: boolean;
  indexWhereClause: string | null;
  indexType: 'BTREE' | 'GIN';
  /** Field ids (with optional composite sub-field) in index order. */
  fields: Array<{
    id: string;
    fieldMetadataId: string;
    subFieldName: string | null;
    order: number;
  }>;
  createdAt: string;
  updatedAt: string;
}

export interface WorkspaceRow {
  id: string;
  displayName: string;
  dataSchema: string;
  standardApplicationId: string;
  customApplicationId: string;
  metadataVersion: number;
  createdAt: string;
}

/** Immutable snapshot of the data model; mutations build a new one and swap it in on commit. */
export interface MetadataState {
  workspace: WorkspaceRow;
  objects: Map<string, ObjectRow>;
  fields: Map<string, FieldRow>;
  indexes: Map<string, IndexRow>;
  /** Views and their children (core metadata in Twenty 2.x). */
  views: ViewState;
}

export const cloneState = (state: MetadataState): MetadataState => ({
  workspace: { ...state.workspace },
  objects: new Map(state.objects),
  fields: new Map(state.fields),
  indexes: new Map(state.indexes),
  views: cloneViewState(state.views),
});

export const fieldsOfObject = (state: MetadataState, objectId: string): FieldRow[] =>
  [...state.fields.values()].filter((field) => field.objectMetadataId === objectId);

export const tableNameOf = (object: Pick<ObjectRow, 'nameSingular' | 'isCustom'>): string =>
  object.isCustom ? `_${object.nameSingular}` : object.nameSingular;
