import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import {
  startFaultProxy,
  type FaultProxy,
} from '../../../electron/services/twenty-client/testing/fault-proxy';
import { expect, test } from '../../fixtures/test';
import { ConnectionsPage } from '../../pages/connections-page';

/**
 * The offline replica as an admin uses it: pull chosen objects of a remote (companies capped)
 * into its replica, compare an answer of the live workspace with the replica's, then cut the
 * network to the remote and keep querying the replica in the playground.
 */
const REMOTE = 'Production';
const shots = join('test-results', 'screenshots', 'replica');

const shot = async (page: Page, name: string) => {
  await mkdir(shots, { recursive: true });
  await page.screenshot({ path: join(shots, `${name}.png`) });
};

test('pull a replica, compare it with live, query it with the remote cut off', async ({
  page,
  remoteWorkspace,
}) => {
  test.setTimeout(240_000);
  // The network to the remote: a proxy of ours that the test closes.
  const proxy: FaultProxy = await startFaultProxy(remoteWorkspace.url);
  try {
    const connections = new ConnectionsPage(page);
    await connections.open();
    await connections.add({ name: REMOTE, baseUrl: proxy.url, apiKey: remoteWorkspace.apiKey });
    const card = connections.card(REMOTE);
    const replica = card.getByRole('region', { name: `Offline replica of ${REMOTE}` });
    await expect(replica.getByTestId('replica-state')).toContainText('None');

    await replica.getByRole('button', { name: 'Pull replica…' }).click();
    const dialog = page.getByRole('dialog', { name: `Pull a replica of ${REMOTE}` });
    await dialog.getByLabel('Chosen objects').check();
    const objects = dialog.getByRole('group', { name: 'Objects to pull' });
    await objects.getByRole('checkbox', { name: /^Companies/ }).check();
    await objects.getByRole('checkbox', { name: /^People/ }).check();
    await objects.getByLabel('Record cap for Companies').fill('0');
    await expect(dialog.getByRole('button', { name: 'Pull' })).toBeDisabled();
    await objects.getByLabel('Record cap for Companies').fill('5');
    await shot(page, '1-pull-dialog');
    await dialog.getByRole('button', { name: 'Pull' }).click();

    await expect(replica.getByTestId('replica-state')).toContainText('Ready', { timeout: 120_000 });
    await expect(replica.getByTestId('replica-state')).toContainText('records copied');
    await shot(page, '2-replica-ready');

    // The replica is a workspace of its own, listed in the switcher.
    await connections.shell.switchWithMenu(REMOTE);
    await connections.shell.goByShortcut('Query playground');
    await expect(page.getByTestId('editor-graphql')).toBeVisible({ timeout: 45_000 });
    const target = page.getByRole('group', { name: 'Run on' });
    await expect(target).toBeVisible({ timeout: 30_000 });

    // Both: the replica holds 5 of the companies, and the difference says so.
    await target.getByRole('button', { name: 'Both' }).click();
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    const diff = page.getByRole('region', { name: 'Difference between the answers' });
    await expect(diff).toBeVisible({ timeout: 30_000 });
    await expect(diff.getByRole('status')).toHaveText('The answers differ');
    await expect(diff).toContainText('5 record(s) in both');
    await shot(page, '3-diff');

    // The network to the remote goes away: the live workspace is out of reach, the replica is not.
    await proxy.close();
    await target.getByRole('button', { name: 'Live' }).click();
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await expect(page.locator('.run-failure')).toContainText('Not sent', { timeout: 30_000 });
    await target.getByRole('button', { name: 'Replica' }).click();
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await expect(page.locator('.run-failure')).toHaveCount(0, { timeout: 30_000 });
    await expect(page.getByRole('button', { name: /^Table/ })).toHaveText('Table (5)');
    await shot(page, '4-replica-offline');

    // The replica as a portable snapshot, loaded into the local workspace.
    await connections.open();
    const transfers = page.getByRole('region', { name: 'Snapshots and copies' });
    await transfers.getByLabel('Export').selectOption({ label: `${REMOTE} (replica)` });
    await transfers.getByRole('button', { name: 'Export snapshot' }).click();
    await expect(transfers.getByRole('list', { name: 'Snapshots' })).toContainText(REMOTE, {
      timeout: 60_000,
    });
    await expect(transfers.getByLabel('Snapshot file')).toHaveValue(
      /\.atelier-snapshot\.jsonl\.gz$/,
    );
    await transfers.getByLabel('into').first().selectOption({ label: 'Local workspace' });
    await transfers.getByRole('button', { name: 'Import snapshot' }).click();
    await expect(page.getByText(/^Done: \d+ records? copied/)).toBeVisible({ timeout: 120_000 });
    await transfers.scrollIntoViewIfNeeded();
    await shot(page, '5-snapshots');
  } finally {
    await proxy.close().catch(() => undefined);
  }
});
