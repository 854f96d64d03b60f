import { expect, type Page } from '@playwright/test';

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
