// The React renderer (data-model editor, playground, import wizard, webhook inspector) is built
// in issue 5 onwards; until then `npm start` runs the local workspace from the command line.
const root = document.getElementById('root');
if (root)
  root.textContent =
    'Atelier: the renderer is not built yet. Run `npm start` for the local workspace.';
