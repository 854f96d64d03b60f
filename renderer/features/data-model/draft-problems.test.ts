import { describe, expect, it } from 'vitest';
import {
  addField,
  addObject,
  newFieldOfType,
  newObjectHead,
} from '../../../shared/schema/draft-edits';
import { projectDoc } from '../../../shared/schema/schema-test-fixtures';
import { overlayDraft } from './draft-overlay';
import { draftProblems } from './draft-problems';

const emptyModel = { objects: [] };

describe('problems that block the review', () => {
  const base = projectDoc();
  const start = { base, target: base, renames: { objects: {}, fields: {}, options: {} } };

  it('finds none in a draft that keeps the rules', () => {
    const draft = addObject(start, newObjectHead('Kite', 'Kites'));
    const { model, marks } = overlayDraft(emptyModel, draft);
    expect(draftProblems(model, marks, draft.target)).toEqual([]);
  });

  it('names the edited object or field that breaks a rule, and leaves the rest alone', () => {
    let draft = addObject(start, {
      ...newObjectHead('Kite', 'Kites'),
      nameSingular: 'event',
      isLabelSyncedWithName: false,
    });
    draft = addField(draft, 'project', {
      ...newFieldOfType('TEXT', 'Code', 'IconText'),
      name: 'Code',
      isLabelSyncedWithName: false,
    });
    const { model, marks } = overlayDraft(emptyModel, draft);
    const problems = draftProblems(model, marks, draft.target);
    expect(problems.map((p) => p.selection)).toEqual([
      { object: 'event' },
      { object: 'project', field: 'Code' },
      { object: 'project', field: 'Code' },
    ]);
    expect(problems[0]?.message).toMatch(/reserved/);
  });
});
