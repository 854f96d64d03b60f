import { describe, expect, it } from 'vitest';
import {
  COMPOSITE_TYPES,
  isCompositeFieldType,
} from '../../../../../shared/domain/composite-types';
import { STANDARD_OBJECT_DEFINITIONS } from '../standard-objects/index';
import { DEMO_DATA, DEMO_WORKSPACE_MEMBER_ID } from './index';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const definitions = new Map(
  STANDARD_OBJECT_DEFINITIONS.map((definition) => [definition.nameSingular, definition]),
);
const recordsOf = (object: string) =>
  DEMO_DATA.find((batch) => batch.object === object)?.records ?? [];

describe('demo data', () => {
  it('has the expected size', () => {
    expect(recordsOf('workspaceMember')).toHaveLength(1);
    expect(recordsOf('company')).toHaveLength(8);
    expect(recordsOf('person')).toHaveLength(20);
    expect(recordsOf('opportunity')).toHaveLength(8);
    expect(recordsOf('note')).toHaveLength(5);
    expect(recordsOf('task')).toHaveLength(6);
    expect(recordsOf('noteTarget').length).toBeGreaterThan(0);
    expect(recordsOf('taskTarget').length).toBeGreaterThan(0);
    expect(recordsOf('workspaceMember')[0]!.id).toBe(DEMO_WORKSPACE_MEMBER_ID);
  });

  it('uses fixed, unique v4-shaped ids', () => {
    const ids = DEMO_DATA.flatMap((batch) => batch.records.map((record) => record.id));
    for (const id of ids) expect(id).toMatch(UUID_V4);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('only writes declared fields, in Twenty REST input shape, referencing records inserted before', () => {
    const inserted = new Map<string, Set<string>>();
    for (const { object, records } of DEMO_DATA) {
      const definition = definitions.get(object);
      expect(definition, object).toBeDefined();
      const byName = new Map(definition!.fields.map((field) => [field.name, field]));
      const joinColumns = new Map(
        definition!.fields
          .filter((field) => field.relation?.type === 'MANY_TO_ONE')
          .map((field) => [`${field.name}Id`, field.relation!.target]),
      );
      for (const record of records) {
        for (const [key, value] of Object.entries(record)) {
          const where = `${object}.${key}`;
          if (key === 'id' || key === 'position') continue;
          const target = joinColumns.get(key);
          if (target) {
            expect(
              inserted.get(target)?.has(value as string),
              `${where} → ${target} ${String(value)}`,
            ).toBe(true);
            continue;
          }
          const field = byName.get(key);
          expect(field, where).toBeDefined();
          expect(['RELATION', 'MORPH_RELATION'], where).not.toContain(field!.type);
          if (isCompositeFieldType(field!.type)) {
            const subFields = COMPOSITE_TYPES[field!.type].map((sub) => sub.name);
            for (const subKey of Object.keys(value as object))
              expect(subFields, `${where}.${subKey}`).toContain(subKey);
          }
          if (field!.type === 'SELECT') {
            expect(
              field!.options!.map((option) => option.value),
              where,
            ).toContain(value);
          }
          if (field!.type === 'DATE_TIME')
            expect(Number.isNaN(Date.parse(value as string)), where).toBe(false);
        }
        const ids = inserted.get(object) ?? new Set<string>();
        ids.add(record.id as string);
        inserted.set(object, ids);
      }
    }
  });

  it('links every note/task target to exactly one record', () => {
    for (const object of ['noteTarget', 'taskTarget']) {
      for (const record of recordsOf(object)) {
        const targets = Object.keys(record).filter(
          (key) => key.startsWith('target') && key.endsWith('Id'),
        );
        expect(targets, JSON.stringify(record)).toHaveLength(1);
      }
    }
    const notesWithTargets = new Set(recordsOf('noteTarget').map((record) => record.noteId));
    const tasksWithTargets = new Set(recordsOf('taskTarget').map((record) => record.taskId));
    for (const note of recordsOf('note'))
      expect(notesWithTargets.has(note.id), String(note.title)).toBe(true);
    for (const task of recordsOf('task'))
      expect(tasksWithTargets.has(task.id), String(task.title)).toBe(true);
  });

  it('gives people a company and opportunities a company and a point of contact at that company', () => {
    const companyOf = new Map(recordsOf('person').map((person) => [person.id, person.companyId]));
    for (const person of recordsOf('person')) expect(person.companyId).toBeTruthy();
    for (const opportunity of recordsOf('opportunity')) {
      expect(companyOf.get(opportunity.pointOfContactId as string), String(opportunity.name)).toBe(
        opportunity.companyId,
      );
      const amount = opportunity.amount as { amountMicros: number; currencyCode: string };
      expect(Number.isInteger(amount.amountMicros)).toBe(true);
      expect(amount.currencyCode).toMatch(/^[A-Z]{3}$/);
    }
  });

  it('stores rich-text bodies as BlockNote JSON plus markdown', () => {
    for (const record of [...recordsOf('note'), ...recordsOf('task')]) {
      const body = record.bodyV2 as { blocknote: string; markdown: string };
      const blocks = JSON.parse(body.blocknote) as Array<{
        id: string;
        type: string;
        content: unknown[];
      }>;
      expect(blocks.length).toBeGreaterThan(0);
      for (const block of blocks) {
        expect(block.id).toMatch(/^[0-9a-f-]{36}$/);
        expect([
          'paragraph',
          'heading',
          'bulletListItem',
          'numberedListItem',
          'checkListItem',
        ]).toContain(block.type);
      }
      expect(body.markdown.length).toBeGreaterThan(0);
    }
  });
});
