import { defineStandardObject, manyToOne, TARGET_MORPH_GROUP } from './define';

/**
 * Twenty 2.43 `noteTarget`: `note` + the MORPH_RELATION group `target` (targetPerson / targetCompany /
 * targetOpportunity, join columns target<Name>Id, shared morphId
 * STANDARD_OBJECTS.noteTarget.morphIds.targetMorphId). Source: compute-note-target-standard-flat-field-metadata.util.ts
 * (labels as the sibling task-target builder), object: create-standard-flat-object-metadata.util.ts.
 */
export const NOTE_TARGET = defineStandardObject('noteTarget', {
  namePlural: 'noteTargets',
  labelSingular: 'Note Target',
  labelPlural: 'Note Targets',
  description: 'A note target',
  icon: 'IconCheckbox',
  isSystem: true,
  labelIdentifierFieldName: 'id',
  searchFields: ['id'],
  fields: [
    {
      name: 'note',
      label: 'Note',
      type: 'RELATION',
      description: 'NoteTarget note',
      icon: 'IconNotes',
      isUIReadOnly: true,
      relation: manyToOne('note', 'noteTargets', 'CASCADE'),
    },
    {
      name: 'targetPerson',
      label: 'Target',
      type: 'MORPH_RELATION',
      description: 'NoteTarget target',
      icon: 'IconArrowUpRight',
      isUIReadOnly: true,
      morphGroup: TARGET_MORPH_GROUP,
      relation: manyToOne('person', 'noteTargets', 'CASCADE'),
    },
    {
      name: 'targetCompany',
      label: 'Target',
      type: 'MORPH_RELATION',
      description: 'NoteTarget target',
      icon: 'IconArrowUpRight',
      isUIReadOnly: true,
      morphGroup: TARGET_MORPH_GROUP,
      relation: manyToOne('company', 'noteTargets', 'CASCADE'),
    },
    {
      name: 'targetOpportunity',
      label: 'Target',
      type: 'MORPH_RELATION',
      description: 'NoteTarget target',
      icon: 'IconArrowUpRight',
      isUIReadOnly: true,
      morphGroup: TARGET_MORPH_GROUP,
      relation: manyToOne('opportunity', 'noteTargets', 'CASCADE'),
    },
  ],
});
