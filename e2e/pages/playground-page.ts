import { expect, type Page } from '@playwright/test';
import { ConnectionsPage } from './connections-page';

/** Replaces the query editor's text the way an admin brings a query in: select all, paste. */
export const setQuery = async (page: Page, text: string): Promise<void> => {
  const editor = page.getByTestId('editor-graphql').first();
  const firstLine = text.split('\n')[0]!.trim();
  await expect(async () => {
    await page.evaluate((value) => navigator.clipboard.writeText(value), text);
    await editor.locator('.view-lines').click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('ControlOrMeta+V');
    await expect(editor.locator('.view-line').first()).toHaveText(firstLine, { timeout: 2000 });
  }).toPass({ timeout: 20_000 });
};

/** Puts the editor's cursor inside the first occurrence of `word`. */
export const clickWord = async (page: Page, word: string): Promise<void> => {
  const editor = page.getByTestId('editor-graphql').first();
  const token = editor.locator('.view-line span', { hasText: word }).first();
  await token.click();
};

/**
 * Adds a remote connection, makes it the active workspace and opens the playground on it, with
 * clipboard access for `setQuery`; resolves once the editor shows.
 */
export const openPlaygroundOn = async (
  page: Page,
  remote: { name: string; baseUrl: string; apiKey: string },
): Promise<ConnectionsPage> => {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  const connections = new ConnectionsPage(page);
  await connections.open();
  await connections.add(remote);
  await connections.shell.switchWithMenu(remote.name);
  await connections.shell.goByShortcut('Query playground');
  await expect(page.getByTestId('editor-graphql').first()).toBeVisible({ timeout: 45_000 });
  return connections;
};
