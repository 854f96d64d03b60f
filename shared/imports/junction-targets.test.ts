import { describe, expect, it } from 'vitest';
import type { ModelField, ModelObject } from '../contract/data-model';
import { compileMapping } from './convert-cell';
import {
  junctionAttach,
  junctionCellReader,
  junctionFields,
  linkableObjects,
} from './junction-targets';
import { mappingDocumentSchema, type MappingDocumentInput } from './mapping';
import { importableFields } from './model-targets';
import { junctionModel, note, visit } from './test-junction-model';
import { company, opportunity, person, pet, workspaceMember } from './test-model';

const model = junctionModel;
const field = (object: ModelObject, name: string) =>
  object.fields.find((candidate) => candidate.name === name)!;

const mappingOf = (input: Omit<MappingDocumentInput, 'version'>) =>
  mappingDocumentSchema.parse({ version: 1, ...input });

describe('junction targets', () => {
  it('finds the join columns of a morph target and of a plain many-to-one', () => {
    expect(junctionAttach(model, field(note, 'noteTargets'), 'company')).toEqual({
      object: 'noteTarget',
      plural: 'noteTargets',
      ownJoinColumn: 'noteId',
      targetJoinColumn: 'targetCompanyId',
    });
    expect(junctionAttach(model, field(visit, 'visitLinks'), 'person')).toEqual({
      object: 'visitLink',
      plural: 'visitLinks',
      ownJoinColumn: 'visitId',
      targetJoinColumn: 'vetId',
    });
  });

  it('says why a field cannot link to an object', () => {
    expect(junctionAttach(model, field(note, 'noteTargets'), 'workspaceMember')).toEqual({
      error: 'Relations cannot link to workspaceMember records (noteTarget has no such field)',
    });
    expect(junctionAttach(model, field(person, 'company'), 'company')).toEqual({
      error: 'Company is not a list of links to other records',
    });
  });

  it('lists the objects a junction links to: standard and custom ones, not itself', () => {
    expect(linkableObjects(model, field(note, 'noteTargets')).map((o) => o.nameSingular)).toEqual([
      'company',
      'person',
      'opportunity',
      'pet',
    ]);
    expect(linkableObjects(model, field(visit, 'visitLinks')).map((o) => o.nameSingular)).toEqual([
      'person',
    ]);
    // Attachments point back through a morph (targetNote): records about the note, not links.
    expect(linkableObjects(model, field(note, 'attachments'))).toEqual([]);
    expect(linkableObjects(model, field(person, 'company'))).toEqual([]);
  });

  it('lists the junction fields of an object', () => {
    expect(
      junctionFields(note, model).map((junction) => [junction.field.name, junction.junction]),
    ).toEqual([['noteTargets', 'noteTarget']]);
    expect(junctionFields(company, model)).toEqual([]);
    expect(junctionFields(workspaceMember, model)).toEqual([]);
  });

  it('makes junction fields importable when the model is given', () => {
    const names = (fields: ModelField[]) => fields.map((candidate) => candidate.name);
    expect(names(importableFields(note))).toEqual(['id', 'title']);
    expect(names(importableFields(note, model))).toEqual(['id', 'title', 'noteTargets']);
    expect(names(importableFields(opportunity, model))).toEqual(
      names(importableFields(opportunity)),
    );
  });

  it('reads a cell into its values: transforms, then the list cut', () => {
    const read = junctionCellReader([
      { type: 'case', to: 'lower' },
      { type: 'list', separator: ';' },
    ]);
    expect(read(' Acme.com ; globex.com;; ')).toEqual(['acme.com', 'globex.com']);
    expect(junctionCellReader([])('  acme.com ')).toEqual(['acme.com']);
    expect(junctionCellReader([])('   ')).toEqual([]);
  });
});

describe('compileMapping with a junction lookup', () => {
  const compile = (source: MappingDocumentInput['fields'][string]) =>
    compileMapping(
      mappingOf({
        object: 'note',
        fields: { title: { kind: 'column', column: 'Title' }, noteTargets: source },
      }),
      note,
      model,
      { headers: ['Title', 'Company domain'] },
    );

  it('leaves the attachment to the engine: no problem, no value on the row', () => {
    const convert = compile({
      kind: 'lookup',
      column: 'Company domain',
      object: 'company',
      by: 'domainName',
      transforms: [{ type: 'list', separator: ';' }],
    });
    expect(convert.mappingProblems).toEqual([]);
    const row = convert({ Title: 'Kick-off', 'Company domain': 'acme.com;globex.com' });
    expect(row).toMatchObject({ values: { title: 'Kick-off' }, lookups: [], hasErrors: false });
    expect(convert.columns).toContain('Company domain');
  });

  it('reports an object the junction cannot link to, and a key the object lacks', () => {
    expect(
      compile({
        kind: 'lookup',
        column: 'Company domain',
        object: 'workspaceMember',
        by: 'userEmail',
      }).mappingProblems,
    ).toEqual([
      {
        field: 'noteTargets',
        message: 'Relations cannot link to workspaceMember records (noteTarget has no such field)',
        severity: 'error',
      },
    ]);
    expect(
      compile({ kind: 'lookup', column: 'Company domain', object: 'company', by: 'nope' })
        .mappingProblems,
    ).toMatchObject([{ field: 'noteTargets', severity: 'error' }]);
  });

  it('still refuses a lookup on a one-to-many whose other side has no such field', () => {
    const convert = compileMapping(
      mappingOf({
        object: 'visit',
        fields: { visitLinks: { kind: 'lookup', column: 'A', object: 'pet', by: 'name' } },
      }),
      visit,
      model,
    );
    expect(convert.mappingProblems).toEqual([
      {
        field: 'visitLinks',
        message: 'visitLinks cannot link to pet records (visitLink has no such field)',
        severity: 'error',
      },
    ]);
  });

  it('keeps pets importable as before', () => {
    expect(importableFields(pet, model)).toEqual(importableFields(pet));
  });
});
