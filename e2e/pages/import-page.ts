import { readFile } from 'node:fs/promises';
import { expect, type Locator, type Page } from '@playwright/test';
import { ShellPage } from './shell-page';

export type WizardStep = 'Files' | 'Mapping' | 'Validate & review' | 'Run';

/** The Import tool: the imports list and the wizard (files, mapping, review grid, run). */
export class ImportPage {
  readonly shell: ShellPage;
  readonly grid: Locator;
  readonly state: Locator;
  readonly message: Locator;
  readonly runProgress: Locator;

  constructor(readonly page: Page) {
    this.shell = new ShellPage(page);
    this.grid = page.getByRole('grid', { name: 'Rows with problems' });
    this.state = page.getByTestId('import-state').first();
    this.message = page.getByTestId('import-message');
    this.runProgress = page.getByRole('progressbar', { name: 'Run progress' });
  }

  async open(): Promise<void> {
    await this.shell.goByShortcut('Import');
  }

  step(name: WizardStep): Locator {
    return this.page
      .getByRole('navigation', { name: 'Import steps' })
      .getByRole('button', { name: new RegExp(`${name.replace('&', '\\&')}$`) });
  }

  async goToStep(name: WizardStep): Promise<void> {
    await this.step(name).click();
    await expect(this.step(name)).toHaveAttribute('aria-current', 'step');
  }

  async newImport(name: string): Promise<void> {
    await this.page.getByRole('button', { name: 'New import' }).click();
    await expect(this.step('Files')).toHaveAttribute('aria-current', 'step');
    await this.page.getByLabel('Import name').fill(name);
  }

  fileCard(fileName: string): Locator {
    return this.page.getByRole('article', { name: fileName });
  }

  /** Adds a file by its path and waits until main has read its start. */
  async addFile(path: string, fileName: string): Promise<void> {
    await this.page.getByLabel('File path').fill(path);
    await this.page.getByRole('button', { name: 'Add file' }).click();
    await expect(this.fileCard(fileName).getByTestId('file-summary')).toBeVisible();
  }

  async chooseObject(fileName: string, objectName: string): Promise<void> {
    await this.page.getByLabel(`Object for ${fileName}`).selectOption(objectName);
  }

  /** The "New object from this file…" dialog of a file. */
  newObjectDialog(fileName: string): Locator {
    return this.page.getByRole('dialog', { name: `New object from ${fileName}` });
  }

  async openNewObject(fileName: string): Promise<Locator> {
    await this.fileCard(fileName)
      .getByRole('button', { name: `New object from ${fileName}` })
      .click();
    const dialog = this.newObjectDialog(fileName);
    await expect(dialog).toBeVisible();
    return dialog;
  }

  /** A column's row in the new object's fields. */
  newObjectColumn(dialog: Locator, column: string): Locator {
    return dialog
      .getByTestId('new-object-column')
      .filter({ has: this.page.getByLabel(`Include ${column}`) });
  }

  /** Reads the workspace's objects and fields again (after a field was added elsewhere). */
  async readFieldsAgain(): Promise<void> {
    const button = this.page.getByRole('button', { name: "Read the workspace's fields again" });
    await button.first().click();
    await expect(button.first()).toBeEnabled();
  }

  /** A target field's row in the mapping step. */
  field(label: string): Locator {
    return this.page.getByRole('group', { name: label, exact: true });
  }

  /** A file's tab in the mapping step (several files in one import). */
  async mappingOf(fileName: string): Promise<void> {
    const tab = this.page
      .getByRole('tablist', { name: 'Files' })
      .getByRole('tab', { name: new RegExp(`^${fileName.replace(/\./g, '\\.')}`) });
    await tab.click();
    await expect(tab).toHaveAttribute('aria-selected', 'true');
  }

  /** Unfolds "Other fields" (the fields not mapped yet) in the mapping step. */
  async showOtherFields(): Promise<void> {
    const details = this.page.locator('details.other-fields');
    if ((await details.getAttribute('open')) === null)
      await details.getByText(/^Other fields/).click();
  }

  /** "Check keys and lookups against the workspace (N requests)" before a validation. */
  checkWorkspace(): Locator {
    return this.page.getByRole('checkbox', {
      name: /^Check keys and lookups against the workspace/,
    });
  }

  /** "Open mapping file…" with a typed path (browser mode has no file dialog). */
  async openMappingFile(path: string): Promise<Locator> {
    await this.page.getByRole('button', { name: 'Open mapping file…' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Open a mapping file' });
    await dialog.getByLabel('Path of the mapping file').fill(path);
    await dialog.getByRole('button', { name: 'Open' }).click();
    return dialog;
  }

  preview(): Locator {
    return this.page.getByRole('table', { name: 'Converted sample rows' });
  }

  async saveAndValidate(): Promise<void> {
    await this.page.getByRole('button', { name: 'Save and validate' }).click();
    await expect(this.step('Validate & review')).toHaveAttribute('aria-current', 'step');
    await expect(this.state).toHaveText('Validated', { timeout: 120_000 });
  }

  count(key: string, scope: Locator = this.page.getByRole('main')): Locator {
    return scope.getByTestId(`count-${key}`).first().locator('dd');
  }

  cell(column: string, line: number): Locator {
    return this.grid.getByRole('button', { name: `Edit ${column} on line ${line}` });
  }

  row(line: number): Locator {
    return this.grid.getByRole('row', { name: `Line ${line}`, exact: true });
  }

  /** Edits a cell in place; resolves once main answered the row checked again. */
  async fixCell(column: string, line: number, value: string): Promise<void> {
    await this.cell(column, line).click();
    const input = this.grid.getByLabel(`${column} on line ${line}`);
    await input.fill(value);
    await input.press('Enter');
    await expect(this.cell(column, line)).toHaveText(value);
  }

  async exclude(line: number): Promise<void> {
    await this.grid.getByRole('button', { name: `Exclude line ${line}` }).click();
    await expect(this.grid.getByRole('button', { name: `Include line ${line}` })).toBeVisible();
  }

  /** Clicks a download button and returns the file's name and text. */
  async download(button: string): Promise<{ name: string; text: string }> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.getByRole('button', { name: button }).click(),
    ]);
    return {
      name: download.suggestedFilename(),
      text: await readFile(await download.path(), 'utf8'),
    };
  }

  /** Rows done of the run in progress, as the progress line says. */
  async rowsDone(): Promise<number> {
    return Number(await this.page.getByTestId('rows-done').getAttribute('data-done'));
  }
}
