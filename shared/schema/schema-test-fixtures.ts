import {
  parseSchemaDocument,
  type SchemaDocument,
  type SchemaDocumentInput,
} from './schema-document';

/** Small documents for the schema tests (unit and integration). */
export const schemaDoc = (objects: SchemaDocumentInput['objects']): SchemaDocument =>
  parseSchemaDocument({ format: 'atelier.schema', version: 1, objects });

export const projectDoc = (): SchemaDocument =>
  schemaDoc([
    {
      nameSingular: 'project',
      namePlural: 'projects',
      labelSingular: 'Project',
      labelPlural: 'Projects',
      icon: 'IconBriefcase',
      fields: [
        { name: 'budget', label: 'Budget', type: 'CURRENCY' },
        {
          name: 'stage',
          label: 'Stage',
          type: 'SELECT',
          defaultValue: "'DRAFT'",
          options: [
            { label: 'Draft', value: 'DRAFT', color: 'gray', position: 0 },
            { label: 'Live', value: 'LIVE', color: 'green', position: 1 },
          ],
        },
        {
          name: 'owner',
          label: 'Owner',
          type: 'RELATION',
          icon: 'IconUser',
          relation: {
            type: 'MANY_TO_ONE',
            targetObject: 'person',
            inverseName: 'projects',
            inverseLabel: 'Projects',
            inverseIcon: 'IconBriefcase',
            onDelete: 'SET_NULL',
          },
        },
      ],
    },
  ]);
