import { expect, type Locator, type Page } from '@playwright/test';
import { ShellPage } from './shell-page';

/** The Access tool: permissions matrix with its draft and plan, API keys, effective access. */
export class AccessPage {
  readonly shell: ShellPage;
  readonly matrix: Locator;
  readonly keys: Locator;
  readonly session: Locator;

  constructor(readonly page: Page) {
    this.shell = new ShellPage(page);
    this.matrix = page.getByRole('table', { name: 'Permissions matrix' });
    this.keys = page.getByRole('table', { name: 'API keys' });
    this.session = page.getByRole('status', { name: 'Session' });
  }

  async open(): Promise<void> {
    await this.shell.goByShortcut('Access');
    await expect(this.page.getByRole('tablist', { name: 'Access sections' })).toBeVisible();
  }

  async tab(name: 'Permissions' | 'API keys' | 'Effective access'): Promise<void> {
    await this.page.getByRole('tab', { name }).click();
    await expect(this.page.getByRole('tab', { name })).toHaveAttribute('aria-selected', 'true');
  }

  dialog(name: string | RegExp): Locator {
    return this.page.getByRole('dialog', { name });
  }

  /** Adds a role to the draft and sets its role-wide switches in the role editor. */
  async draftRole(label: string, switches: Record<string, boolean>): Promise<void> {
    await this.page.getByRole('button', { name: 'New role' }).click();
    const created = this.dialog('New role');
    await created.getByLabel('Role label').fill(label);
    await created.getByRole('button', { name: 'Add role to draft' }).click();
    await expect(created).toBeHidden();
    await this.page.getByRole('button', { name: `Edit role ${label}` }).click();
    const editor = this.dialog(`Role ${label}`);
    for (const [name, on] of Object.entries(switches))
      await editor.getByRole('checkbox', { name, exact: true }).setChecked(on);
    await editor.getByRole('button', { name: 'Keep in draft' }).click();
    await expect(editor).toBeHidden();
  }

  /** Full / Read-only / Hidden for one field of one role (the object's row is expanded first). */
  async restrictField(
    objectPlural: string,
    objectSingular: string,
    fieldLabel: string,
    role: string,
    restriction: 'Full' | 'Read-only' | 'Hidden',
  ): Promise<void> {
    const select = this.page.getByRole('combobox', {
      name: `${objectSingular} ${fieldLabel} for ${role}`,
    });
    const expand = this.page.getByRole('button', { name: `${objectPlural} fields` });
    // The matrix re-renders when the overview is read again: open the row until the select shows.
    await expect(async () => {
      if ((await expand.getAttribute('aria-expanded')) !== 'true') await expand.click();
      await expect(select).toBeVisible({ timeout: 2000 });
    }).toPass({ timeout: 20_000 });
    await select.selectOption({ label: restriction });
  }

  keyRow(name: string): Locator {
    return this.keys.getByRole('row').filter({ hasText: name });
  }
}
