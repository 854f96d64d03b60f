import { expect, type Locator, type Page } from '@playwright/test';

export const TOOL_LABELS = [
  'Data model',
  'Query playground',
  'Import',
  'Webhooks',
  'Connections',
  'Access',
] as const;
export type ToolLabel = (typeof TOOL_LABELS)[number];

/** The app frame: top bar (workspace switcher, palette, activity) and the tools sidebar. */
export class ShellPage {
  readonly switcher: Locator;
  readonly switcherMenu: Locator;
  readonly palette: Locator;
  readonly paletteInput: Locator;
  readonly activeWorkspaceName: Locator;
  readonly pageTitle: Locator;

  constructor(readonly page: Page) {
    this.switcher = page.getByTestId('workspace-switcher');
    this.switcherMenu = page.getByRole('menu', { name: 'Switch workspace' });
    this.palette = page.getByRole('dialog', { name: 'Command palette' });
    this.paletteInput = this.palette.getByPlaceholder('Type a command or a workspace…');
    this.activeWorkspaceName = page.getByTestId('active-workspace-name');
    this.pageTitle = page.getByRole('heading', { level: 1 });
  }

  navItem(label: ToolLabel): Locator {
    return this.page
      .getByRole('navigation', { name: 'Tools' })
      .getByRole('button', { name: label });
  }

  /** Ctrl+1…6, as the sidebar advertises. */
  async goByShortcut(label: ToolLabel): Promise<void> {
    // Right after load the shortcut listener may not be attached yet; pressing again is harmless.
    await expect(async () => {
      await this.page.keyboard.press(`Control+${TOOL_LABELS.indexOf(label) + 1}`);
      await expect(this.navItem(label)).toHaveAttribute('aria-current', 'page', { timeout: 1000 });
    }).toPass();
    await this.expectTool(label);
  }

  async expectTool(label: ToolLabel): Promise<void> {
    await expect(this.navItem(label)).toHaveAttribute('aria-current', 'page');
    await expect(this.pageTitle).toHaveText(label);
  }

  async expectActiveWorkspace(name: string): Promise<void> {
    await expect(this.switcher).toHaveAttribute('aria-label', `Workspace: ${name}`);
  }

  async openPalette(): Promise<void> {
    await this.page.keyboard.press('Control+k');
    await expect(this.paletteInput).toBeFocused();
  }

  /** Keyboard only: open the menu, arrow down to the workspace, Enter. */
  async switchWithMenu(name: string): Promise<void> {
    await this.switcher.focus();
    await this.page.keyboard.press('Enter');
    await expect(this.switcherMenu).toBeVisible();
    // The menu focuses its first item; step down to the workspace (one ArrowDown for the second).
    const items = this.switcherMenu.getByRole('menuitem');
    const index = (await items.allTextContents()).findIndex((text) => text.includes(name));
    expect(index, `${name} in the workspace menu`).toBeGreaterThanOrEqual(0);
    const target = items.nth(index);
    await expect(items.first()).toBeFocused();
    for (let step = 0; step < index; step++) await this.page.keyboard.press('ArrowDown');
    await expect(target).toBeFocused();
    await this.page.keyboard.press('Enter');
    await expect(this.switcherMenu).toBeHidden();
    await this.expectActiveWorkspace(name);
  }

  /** Ctrl+K, type the workspace's name, Enter. */
  async switchWithPalette(name: string): Promise<void> {
    await this.openPalette();
    await this.paletteInput.fill(name);
    await expect(this.palette.getByRole('option', { selected: true })).toContainText(
      `Switch to ${name}`,
    );
    await this.page.keyboard.press('Enter');
    await expect(this.palette).toBeHidden();
    await this.expectActiveWorkspace(name);
  }
}
