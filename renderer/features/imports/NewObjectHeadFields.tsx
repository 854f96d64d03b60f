import type { DraftIssue } from '../../../shared/schema/validate-draft';
import { TextInput } from '../../ui/form';
import { setObjectLabels, setObjectNames, type NewObjectProposal } from './new-object';

const messages = (issues: readonly DraftIssue[], path: string) =>
  issues.filter((issue) => issue.path === path).map((issue) => issue.message);

/** The new object's labels and API names (names follow the labels until one is typed). */
export const NewObjectHeadFields = (props: {
  proposal: NewObjectProposal;
  issues: readonly DraftIssue[];
  onChange: (next: NewObjectProposal) => void;
}) => {
  const { proposal, issues, onChange } = props;
  return (
    <fieldset className="new-object-head">
      <legend>Object</legend>
      <TextInput
        label="Singular label"
        value={proposal.labelSingular}
        errors={messages(issues, 'labelSingular')}
        onChange={(labelSingular) => onChange(setObjectLabels(proposal, { labelSingular }))}
      />
      <TextInput
        label="Plural label"
        value={proposal.labelPlural}
        errors={messages(issues, 'labelPlural')}
        onChange={(labelPlural) => onChange(setObjectLabels(proposal, { labelPlural }))}
      />
      <TextInput
        label="API name (singular)"
        value={proposal.nameSingular}
        errors={messages(issues, 'nameSingular')}
        hint={proposal.namesFollowLabels ? 'From the label, as Twenty names it' : undefined}
        onChange={(nameSingular) => onChange(setObjectNames(proposal, { nameSingular }))}
      />
      <TextInput
        label="API name (plural)"
        value={proposal.namePlural}
        errors={messages(issues, 'namePlural')}
        onChange={(namePlural) => onChange(setObjectNames(proposal, { namePlural }))}
      />
    </fieldset>
  );
};
