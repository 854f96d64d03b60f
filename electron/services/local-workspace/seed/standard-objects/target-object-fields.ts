import type { StandardFieldInput } from './define';
import { manyToOne, TARGET_MORPH_GROUP } from './define';

/**
 * The fields build-standard-target-flat-field-metadatas.util.ts gives calendarEventTarget and
 * messageThreadTarget (besides their parent relation): assignment flags and the MORPH_RELATION group
 * `target` pointing at person / company / opportunity, all ON DELETE CASCADE.
 */
export const buildTargetObjectFields = (
  inverseFieldName: 'calendarEventTargets' | 'messageThreadTargets',
): StandardFieldInput[] => [
  {
    name: 'isAutomaticallyAssigned',
    label: 'Automatically assigned',
    type: 'BOOLEAN',
    description: 'Whether current participant rules justify this target',
    icon: 'IconRobot',
    isSystem: true,
    isNullable: false,
    isUIReadOnly: true,
    defaultValue: false,
  },
  {
    name: 'isManuallyAssigned',
    label: 'Manually assigned',
    type: 'BOOLEAN',
    description: 'Whether a user explicitly assigned this target',
    icon: 'IconUserCheck',
    isSystem: true,
    isNullable: false,
    isUIReadOnly: true,
    defaultValue: true,
  },
  {
    name: 'targetPerson',
    label: 'Person',
    type: 'MORPH_RELATION',
    description: 'Target record',
    icon: 'IconUser',
    isUIReadOnly: true,
    morphGroup: TARGET_MORPH_GROUP,
    relation: manyToOne('person', inverseFieldName, 'CASCADE'),
  },
  {
    name: 'targetCompany',
    label: 'Company',
    type: 'MORPH_RELATION',
    description: 'Target record',
    icon: 'IconBuildingSkyscraper',
    isUIReadOnly: true,
    morphGroup: TARGET_MORPH_GROUP,
    relation: manyToOne('company', inverseFieldName, 'CASCADE'),
  },
  {
    name: 'targetOpportunity',
    label: 'Opportunity',
    type: 'MORPH_RELATION',
    description: 'Target record',
    icon: 'IconTargetArrow',
    isUIReadOnly: true,
    morphGroup: TARGET_MORPH_GROUP,
    relation: manyToOne('opportunity', inverseFieldName, 'CASCADE'),
  },
];
