import { RefreshCw } from 'lucide-react';
import { useMemo } from 'react';
import type { ModelObject, SourceInfoRead, WorkspaceModel } from '../../../shared/contract';
import {
  detectSourceProfiles,
  profileById,
  suggestMapping,
  type FieldSource,
  type MappingDocument,
} from '../../../shared/imports';
import type { SampleData } from './ColumnWithTransforms';
import type { DraftFile } from './draft';
import { FieldList } from './FieldList';
import { MappingFileButton } from './MappingFileButton';
import { MappingOptions, TimeZoneList } from './MappingOptions';
import { MappingPreview } from './MappingPreview';
import { MappingProblems } from './MappingProblems';
import { applySuggestion, proposeDedupe, setFieldSource, unusedColumns } from './mapping-edits';
import { buildPreview, cellsOf } from './preview';
import { ModelFreshness } from './ModelFreshness';
import { ProfileBanner } from './ProfileBanner';
import { SavedMappings } from './SavedMappings';
import { UnusedColumns } from './UnusedColumns';
import { useWizard } from './wizard-store';

/** Suggestions for a file, following a profile (id), detecting one ('detect') or none (null). */
const suggest = (
  info: SourceInfoRead,
  object: ModelObject,
  model: WorkspaceModel,
  profile: string | 'detect' | null,
) =>
  suggestMapping({
    headers: info.headers,
    rows: info.sample.map((row) => cellsOf(info.headers, row)),
    object,
    model,
    profile:
      profile === 'detect' ? 'detect' : profile ? (profileById(profile) ?? undefined) : undefined,
  });

/**
 * The mapping of one file: suggested on first sight (following a detected export profile),
 * then edited field by field with the preview converting the sample as the admin types.
 */
export const FileMapping = (props: {
  file: DraftFile;
  info: SourceInfoRead;
  object: ModelObject;
  model: WorkspaceModel;
  locked: boolean;
}) => {
  const { file, info, object, model, locked } = props;
  const setMapping = useWizard((state) => state.actions.setMapping);
  const connectionId = useWizard((state) => state.draft.connectionId);
  const mapping = file.mapping;
  const sample: SampleData = useMemo(() => ({ headers: info.headers, rows: info.sample }), [info]);
  const profile = mapping ? (mapping.profile ?? null) : 'detect';
  const suggestion = useMemo(
    () => suggest(info, object, model, profile),
    [info, object, model, profile],
  );
  const matches = useMemo(() => detectSourceProfiles(info.headers), [info.headers]);

  const preview = useMemo(
    () =>
      mapping
        ? buildPreview({
            mapping,
            object,
            model,
            mode: file.mode,
            headers: info.headers,
            sample: info.sample,
            sampleLines: info.sampleLines,
            limit: 10,
          })
        : null,
    [mapping, object, model, file.mode, info],
  );

  if (!mapping || !preview) return <p className="meta">Suggesting a mapping…</p>;

  const change = (next: MappingDocument) => setMapping(file.key, next);
  const setField = (field: string, source: FieldSource | null) =>
    change(setFieldSource(mapping, field, source));
  const resuggest = (profileId: string | null) => {
    const fresh = suggest(info, object, model, profileId);
    change(proposeDedupe({ ...fresh.mapping, options: mapping.options }, object));
  };

  return (
    <div className="file-mapping">
      <TimeZoneList />
      <ProfileBanner
        matches={matches}
        current={mapping.profile}
        objectName={object.nameSingular}
        disabled={locked}
        onApply={resuggest}
      />
      <div className="mapping-toolbar">
        <span className="meta">
          {Object.keys(mapping.fields).length} fields mapped from {info.headers.length} columns
        </span>
        <span className="spacer" />
        <ModelFreshness connectionId={connectionId} />
        {!locked && (
          <button className="btn small" onClick={() => resuggest(mapping.profile ?? null)}>
            <RefreshCw size={13} /> Suggest again
          </button>
        )}
        <SavedMappings
          mapping={mapping}
          disabled={locked}
          onLoad={(loaded) => change({ ...loaded, object: object.nameSingular })}
        />
        {!locked && (
          <MappingFileButton
            objectName={object.nameSingular}
            onLoad={(loaded) => change({ ...loaded, object: object.nameSingular })}
          />
        )}
      </div>
      <MappingProblems problems={preview.mappingProblems} />
      <FieldList
        object={object}
        model={model}
        mapping={mapping}
        sample={sample}
        suggestion={suggestion}
        preview={preview}
        disabled={locked}
        onField={setField}
      />
      <UnusedColumns
        columns={unusedColumns(mapping, info.headers)}
        suggestion={suggestion}
        disabled={locked}
        onUse={(chosen) => change(applySuggestion(mapping, chosen))}
      />
      <MappingOptions mapping={mapping} object={object} disabled={locked} onChange={change} />
      <MappingPreview preview={preview} mapping={mapping} object={object} />
    </div>
  );
};
