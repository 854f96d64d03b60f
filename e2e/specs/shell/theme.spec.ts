import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from '../../fixtures/test';
import { closedPort as unusedPort } from '../../../electron/services/twenty-client/testing/closed-port';
import { ConnectionsPage, LOCAL_WORKSPACE } from '../../pages/connections-page';
import { ShellPage } from '../../pages/shell-page';

const background = (page: Page) =>
  page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);

test('light and dark: the Connections page with a test report, and the command palette', async ({
  page,
}) => {
  // test-results/screenshots/{light,dark}-*.png, kept for people to look at.
  const SCREENSHOTS = join(test.info().project.outputDir, 'screenshots');
  await mkdir(SCREENSHOTS, { recursive: true });
  const connections = new ConnectionsPage(page);
  await connections.open();
  await connections.waitForLocalRunning();
  await connections.test(LOCAL_WORKSPACE);
  await expect(connections.report(LOCAL_WORKSPACE)).toHaveAttribute('data-ok', 'true');
  // A failing card too, so both report styles are in the pictures.
  const unreachable = { name: 'Unreachable CRM', apiKey: 'any-key' };
  await connections.add({ ...unreachable, baseUrl: `http://127.0.0.1:${await unusedPort()}` });
  await expect(connections.failure(unreachable.name)).toHaveAttribute('data-kind', 'REFUSED');

  const backgrounds: Record<string, string> = {};
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await expect
      .poll(() => page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches))
      .toBe(colorScheme === 'dark');
    backgrounds[colorScheme] = await background(page);
    await page.screenshot({ path: join(SCREENSHOTS, `${colorScheme}-connections.png`) });

    await connections.shell.openPalette();
    await page.screenshot({ path: join(SCREENSHOTS, `${colorScheme}-palette.png`) });
    await page.keyboard.press('Escape');
    await expect(connections.shell.palette).toBeHidden();

    await connections.fillAddForm({ name: 'Production', baseUrl: 'crm.example.com' });
    await expect(connections.addDialog.getByText('Not a URL')).toBeVisible();
    await page.screenshot({ path: join(SCREENSHOTS, `${colorScheme}-add-dialog.png`) });
    await page.keyboard.press('Escape');
    await expect(connections.addDialog).toBeHidden();
  }
  await connections.remove(unreachable.name);
  expect(backgrounds.light).toBe('rgb(247, 247, 248)');
  expect(backgrounds.dark).not.toBe(backgrounds.light);
});

test('keyboard: Ctrl+5 and Ctrl+1 switch tools, Ctrl+K opens the palette and Escape closes it', async ({
  page,
}) => {
  const shell = new ShellPage(page);
  await shell.expectTool('Data model');
  await shell.goByShortcut('Connections');
  await shell.goByShortcut('Data model');
  await shell.goByShortcut('Query playground');
  await shell.goByShortcut('Data model');

  await shell.openPalette();
  await expect(shell.palette).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(shell.palette).toBeHidden();

  // The palette also navigates: type, Enter.
  await shell.openPalette();
  await shell.paletteInput.fill('Go to Connections');
  await page.keyboard.press('Enter');
  await expect(shell.palette).toBeHidden();
  await shell.expectTool('Connections');
});
