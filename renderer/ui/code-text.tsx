/** Text whose `backticked` parts (API names in plan and change descriptions) show as code. */
export const CodeText = ({ text }: { text: string }) => (
  <>
    {text
      .split('`')
      .map((part, index) => (index % 2 === 1 ? <code key={index}>{part}</code> : part))}
  </>
);
