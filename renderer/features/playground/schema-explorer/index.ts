export { SchemaExplorer } from './SchemaExplorer';
export type { InsertContext, SchemaExplorerProps, SchemaFocus } from './SchemaExplorer';
export { asOperation, buildFieldSnippet } from './field-snippet';
