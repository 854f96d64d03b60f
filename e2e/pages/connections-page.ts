import { expect, type Locator, type Page } from '@playwright/test';
import { ShellPage } from './shell-page';

export interface ConnectionInput {
  name: string;
  baseUrl: string;
  apiKey: string;
}

export const LOCAL_WORKSPACE = 'Local workspace';

/** The Connections tool: connection cards, their tests, and the add / replace / remove dialogs. */
export class ConnectionsPage {
  readonly shell: ShellPage;
  readonly addButton: Locator;
  readonly addDialog: Locator;

  constructor(readonly page: Page) {
    this.shell = new ShellPage(page);
    this.addButton = page.getByRole('main').getByRole('button', { name: 'Add connection' });
    this.addDialog = page.getByRole('dialog', { name: 'Add a Twenty workspace' });
  }

  async open(): Promise<void> {
    await this.shell.goByShortcut('Connections');
  }

  card(name: string): Locator {
    return this.page.getByRole('article', { name, exact: true });
  }

  status(name: string): Locator {
    return this.card(name).getByTestId('connection-status');
  }

  report(name: string): Locator {
    return this.card(name).getByTestId('test-report');
  }

  failure(name: string): Locator {
    return this.card(name).getByTestId('test-failure');
  }

  remoteNames(): Promise<string[]> {
    return this.page
      .getByTestId('connection-card')
      .filter({ has: this.page.getByRole('button', { name: 'Remove' }) })
      .evaluateAll((cards) => cards.map((card) => card.getAttribute('aria-label') ?? ''));
  }

  async waitForLocalRunning(): Promise<void> {
    await expect(this.status(LOCAL_WORKSPACE)).toHaveAttribute('data-state', /^(ready|ok)$/, {
      timeout: 45_000,
    });
  }

  /** Starts a test; callers wait for the outcome they expect on the report or the status. */
  async test(name: string): Promise<void> {
    await this.card(name).getByRole('button', { name: 'Test', exact: true }).click();
  }

  async fillAddForm(input: Partial<ConnectionInput>): Promise<void> {
    await this.addButton.click();
    await expect(this.addDialog).toBeVisible();
    if (input.name !== undefined) await this.addDialog.getByLabel('Name').fill(input.name);
    if (input.baseUrl !== undefined)
      await this.addDialog.getByLabel('Base URL').fill(input.baseUrl);
    if (input.apiKey !== undefined)
      await this.addDialog.getByLabel('API key', { exact: true }).fill(input.apiKey);
  }

  /** "Test connection" in the add dialog; returns the report it shows. */
  async testDraft(): Promise<Locator> {
    await this.addDialog.getByRole('button', { name: 'Test connection' }).click();
    const report = this.addDialog.getByTestId('test-report');
    await expect(report).toBeVisible();
    return report;
  }

  async submitAdd(): Promise<void> {
    await this.addDialog.getByRole('button', { name: 'Add connection' }).click();
  }

  /** Adds through the dialog and waits for the card and its first (automatic) test. */
  async add(input: ConnectionInput): Promise<void> {
    await this.fillAddForm(input);
    await this.submitAdd();
    await expect(this.addDialog).toBeHidden();
    await expect(this.card(input.name)).toBeVisible();
    await expect(this.report(input.name)).toBeVisible();
  }

  async replaceKey(name: string, apiKey: string): Promise<void> {
    await this.card(name).getByRole('button', { name: 'Replace key' }).click();
    const dialog = this.page.getByRole('dialog', { name: `Replace the key of ${name}` });
    await dialog.getByLabel('New API key', { exact: true }).fill(apiKey);
    await dialog.getByRole('button', { name: 'Replace key' }).click();
    await expect(dialog).toBeHidden();
  }

  async remove(name: string): Promise<void> {
    await this.card(name).getByRole('button', { name: 'Remove' }).click();
    const dialog = this.page.getByRole('dialog', { name: `Remove ${name}?` });
    await dialog.getByRole('button', { name: 'Remove connection' }).click();
    await expect(dialog).toBeHidden();
    await expect(this.card(name)).toHaveCount(0);
  }
}
