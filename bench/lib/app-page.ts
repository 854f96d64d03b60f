import type { Page } from '@playwright/test';

/** Opens a tool by its shortcut (Ctrl+<key>), pressing again until the sidebar says it is open. */
export const goToTool = async (page: Page, key: string, tool: string): Promise<void> => {
  const item = page.getByRole('navigation', { name: 'Tools' }).getByRole('button', { name: tool });
  for (let attempt = 0; (await item.getAttribute('aria-current')) !== 'page'; attempt++) {
    if (attempt === 20) throw new Error(`Ctrl+${key} did not open ${tool}`);
    await page.keyboard.press(`Control+${key}`);
    await page.waitForTimeout(250);
  }
};

/** The local workspace (PGlite in a child process) must be up and idle before a clock runs. */
export const waitForLocalWorkspace = async (page: Page, log: (line: string) => void) => {
  await goToTool(page, '5', 'Connections');
  log('waiting for the local workspace…');
  await page
    .getByRole('article', { name: 'Local workspace', exact: true })
    .locator(
      '[data-testid="connection-status"][data-state="ready"], [data-testid="connection-status"][data-state="ok"]',
    )
    .waitFor({ timeout: 120_000 });
};
