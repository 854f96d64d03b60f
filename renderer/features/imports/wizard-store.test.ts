import { beforeEach, describe, expect, it } from 'vitest';
import type { Import } from '../../../shared/contract';
import { emptyMapping } from '../../../shared/imports';
import { filesProblems, mappingProblems, stepsInput } from './draft';
import { importNameOf, useWizard } from './wizard-store';

const counts = {
  rows: 10,
  errorRows: 0,
  warningRows: 0,
  duplicateRows: 0,
  excludedRows: 0,
  existingRows: null,
  created: 0,
  updated: 0,
  skipped: 0,
  failed: 0,
  parentsCreated: 0,
};

const saved = (
  state: Import['state'],
  patch: Partial<Import['steps'][number]['counts']> = {},
): Import => ({
  id: 'imp-1',
  name: 'People',
  connectionId: 'local',
  dryRunOf: null,
  state,
  message: '',
  steps: [
    {
      id: 'step-1',
      path: '/data/people.csv',
      fileName: 'people.csv',
      source: { delimiter: ';' },
      mapping: emptyMapping('person'),
      mode: 'upsert',
      order: 0,
      counts: { ...counts, ...patch },
      mappingProblems: [],
    },
  ],
  progress: null,
  jobId: null,
  createdAt: '2025-01-01T00:00:00Z',
  updatedAt: '2025-01-01T00:00:00Z',
  resultPath: null,
});

const actions = () => useWizard.getState().actions;

describe('wizard store', () => {
  beforeEach(() => actions().newImport('local'));

  it('builds a draft file by file and says what is missing', () => {
    actions().addFile(' /data/people.csv ');
    const [file] = useWizard.getState().draft.files;
    expect(file!.path).toBe('/data/people.csv');
    expect(useWizard.getState().activeFile).toBe(file!.key);
    expect(filesProblems(useWizard.getState().draft)).toEqual([
      'Choose the object people.csv goes into',
    ]);
    actions().setObject(file!.key, 'person');
    expect(filesProblems(useWizard.getState().draft)).toEqual([]);
    expect(mappingProblems(useWizard.getState().draft)).toEqual(['people.csv has no mapping yet']);
    actions().setMapping(file!.key, {
      ...emptyMapping('person'),
      fields: { jobTitle: { kind: 'constant', value: 'CEO' } },
    });
    expect(mappingProblems(useWizard.getState().draft)).toEqual([]);
    actions().setMode(file!.key, 'upsert');
    expect(mappingProblems(useWizard.getState().draft)).toEqual([
      'people.csv: upsert needs a key to find records (Key and duplicates)',
    ]);
    actions().setMode(file!.key, 'create');
    expect(importNameOf(useWizard.getState().draft)).toBe('people.csv');
    expect(stepsInput(useWizard.getState().draft)).toEqual([
      expect.objectContaining({ path: '/data/people.csv', mode: 'create', source: {} }),
    ]);
  });

  it('suggests the mapping again when the object changes', () => {
    actions().addFile('/data/people.csv');
    const key = useWizard.getState().draft.files[0]!.key;
    actions().setObject(key, 'person');
    actions().setMapping(key, emptyMapping('person'));
    actions().setObject(key, 'person');
    expect(useWizard.getState().draft.files[0]!.mapping).not.toBeNull();
    actions().setObject(key, 'company');
    expect(useWizard.getState().draft.files[0]!.mapping).toBeNull();
  });

  it('opens an import on the step its state calls for and follows what main kept', () => {
    actions().openImport(saved('draft'));
    expect(useWizard.getState()).toMatchObject({ open: true, step: 'mapping', dirty: false });
    expect(useWizard.getState().draft.files[0]).toMatchObject({
      key: 'step-1',
      object: 'person',
      mode: 'upsert',
      source: { delimiter: ';' },
    });
    actions().openImport(saved('validated'));
    expect(useWizard.getState().step).toBe('review');
    actions().openImport(saved('paused', { created: 3 }));
    expect(useWizard.getState().step).toBe('run');

    actions().setName('Renamed');
    expect(useWizard.getState()).toMatchObject({ dirty: true, stepsDirty: false });
    actions().setMode('step-1', 'create');
    expect(useWizard.getState()).toMatchObject({ dirty: true, stepsDirty: true });
    actions().saved(saved('draft'));
    expect(useWizard.getState()).toMatchObject({
      dirty: false,
      stepsDirty: false,
      activeFile: 'step-1',
    });
  });

  it('keeps the selected file when a file is removed', () => {
    actions().addFile('/a.csv');
    actions().addFile('/b.csv');
    const [a, b] = useWizard.getState().draft.files;
    actions().setActiveFile(b!.key);
    actions().removeFile(a!.key);
    expect(useWizard.getState().activeFile).toBe(b!.key);
    actions().removeFile(b!.key);
    expect(useWizard.getState().activeFile).toBeNull();
  });
});
