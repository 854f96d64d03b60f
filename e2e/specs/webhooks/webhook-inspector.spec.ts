import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { LOCAL_WORKSPACE_ACCOUNT, readKeychain } from '../../fixtures/keychain';
import { expect, test } from '../../fixtures/test';
import { ConnectionsPage } from '../../pages/connections-page';
import { setQuery } from '../../pages/playground-page';
import { WebhooksPage } from '../../pages/webhooks-page';

/**
 * The webhook inspector as an admin uses it on the local workspace: two receivers, a webhook
 * (`*.*`) pointing at the first, a record edited in the playground, its delivery live in the log
 * with a valid signature, found again by a value inside the payload, its detail, and a replay
 * re-signed to the second receiver that arrives there valid.
 */
const shots = join('test-results', 'screenshots', 'webhooks');
const shot = async (page: Page, name: string) => {
  await mkdir(shots, { recursive: true });
  await page.screenshot({ path: join(shots, `${name}.png`) });
};

/** An edit made in Twenty (its REST API): a company renamed to a value the test searches for. */
const renameCompany = async (baseUrl: string, apiKey: string, name: string): Promise<string> => {
  const headers = { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' };
  const list = await (await fetch(`${baseUrl}/rest/companies?limit=1`, { headers })).json();
  const company = list.data.companies[0];
  const updated = await fetch(`${baseUrl}/rest/companies/${company.id}`, {
    method: 'PATCH',
    headers,
    body: JSON.stringify({ name }),
  });
  expect(updated.status, await updated.clone().text()).toBeLessThan(300);
  return company.id as string;
};

/** A company of the workspace to edit (read through its REST API). */
const firstCompanyId = async (baseUrl: string, apiKey: string): Promise<string> => {
  const headers = { authorization: `Bearer ${apiKey}` };
  const list = await (await fetch(`${baseUrl}/rest/companies?limit=1`, { headers })).json();
  return list.data.companies[0].id as string;
};

/** The local workspace's URL and key, once it runs. */
const localWorkspace = async (
  page: Page,
  atelier: { output(): string; keychainService: string },
) => {
  const connections = new ConnectionsPage(page);
  await connections.open();
  await connections.waitForLocalRunning();
  const baseUrl = /"Local workspace ready","url":"(http:\/\/127\.0\.0\.1:\d+)"/.exec(
    atelier.output(),
  )?.[1];
  const apiKey = readKeychain(atelier.keychainService, LOCAL_WORKSPACE_ACCOUNT);
  expect(baseUrl, 'the local workspace URL in the host output').toBeTruthy();
  expect(apiKey, 'the local workspace key in the keychain').toBeTruthy();
  return { baseUrl: baseUrl!, apiKey: apiKey! };
};

test('receive a live delivery, search it, read its detail, replay it re-signed elsewhere', async ({
  page,
  atelier,
}) => {
  test.setTimeout(180_000);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  const { baseUrl, apiKey } = await localWorkspace(page, atelier);

  const webhooks = new WebhooksPage(page);
  await webhooks.open();
  const inboxA = await webhooks.createReceiver('Inbox A');
  const inboxB = await webhooks.createReceiver('Inbox B');
  expect(inboxA.secret).toMatch(/^[0-9a-f]{64}$/);
  expect(inboxA.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/hooks\/\S+$/);
  expect(inboxB.url).not.toBe(inboxA.url);

  // A webhook in the local workspace, on every event, signed with Inbox A's secret.
  const dialog = await webhooks.openNewWebhook();
  await dialog.getByLabel('Receiver').selectOption({ label: 'Inbox A' });
  await expect(dialog.getByRole('checkbox', { name: '*.*', exact: true })).toBeChecked();
  await expect(
    dialog.getByRole('checkbox', { name: 'company.updated', exact: true }),
  ).toBeChecked();
  await expect(
    dialog.getByRole('checkbox', { name: 'company.updated', exact: true }),
  ).toBeDisabled();
  const advice = dialog.getByTestId('target-advice');
  await expect(advice).toHaveAttribute('data-level', 'ok');
  await expect(advice).toContainText(inboxA.url);
  await dialog.getByLabel('Description (optional)').fill('Inspector e2e');
  await shot(page, '1-create-webhook-advice');
  await dialog.getByRole('button', { name: 'Create webhook' }).click();
  await expect(dialog).toBeHidden();
  const secretShown = page.getByRole('dialog', { name: 'Webhook secret' });
  if (await secretShown.isVisible())
    await secretShown.getByRole('button', { name: 'Done' }).click();
  const row = page.getByTestId('webhook-row').filter({ hasText: inboxA.url });
  await expect(row).toContainText('Every event (*.*)');
  await expect(row).toContainText('→ Inbox A');
  await expect(row).toContainText('signed');

  // A record edited in the playground arrives live in the log, with a valid signature.
  await webhooks.section('Deliveries');
  const probe = `Probe ${Date.now().toString(36)}`;
  const recordId = await firstCompanyId(baseUrl, apiKey);
  await webhooks.shell.goByShortcut('Query playground');
  await expect(page.getByTestId('editor-graphql').first()).toBeVisible({ timeout: 45_000 });
  await setQuery(
    page,
    `mutation { updateCompany(id: "${recordId}", data: { name: "${probe}" }) { id name } }`,
  );
  await page.getByRole('button', { name: /^Run/ }).click();
  await expect(page.getByTestId('result-status')).toHaveText('200', { timeout: 30_000 });
  await shot(page, '2a-playground-edit');
  await webhooks.open();
  await webhooks.section('Deliveries');
  const live = webhooks.rowsOf('company.updated').first();
  await expect(live).toBeVisible();
  await expect(live.getByTestId('verification')).toHaveAttribute('data-status', 'valid');
  await expect(live).toContainText(recordId.split('-')[0]!);
  await shot(page, '2-log-live-delivery');

  // Found again by a value inside the payload (full-text search in main).
  await webhooks.searchFor(probe);
  await expect(webhooks.rows()).toHaveCount(1);
  await expect(webhooks.rows().first()).toContainText('company.updated');
  const exported = await webhooks.download('Export');
  expect(exported.name).toMatch(/\.jsonl$/);
  expect(exported.text.trim().split('\n')).toHaveLength(1);
  expect(exported.text).toContain(probe);

  // Its detail: the record, the updated field with its value, the signature step by step.
  await webhooks.rows().first().click();
  await expect(webhooks.detail.getByTestId('detail-event')).toHaveText('company.updated');
  await expect(webhooks.detail.getByTestId('detail-record-id')).toHaveText(recordId);
  await expect(webhooks.detail.getByTestId('updated-fields')).toContainText('name');
  await expect(webhooks.detail.getByTestId('updated-fields')).toContainText(probe);
  const verification = webhooks.detail.getByTestId('verification-detail');
  await expect(verification.getByTestId('verification')).toHaveAttribute('data-status', 'valid');
  await expect(verification.locator('li[data-ok="false"]')).toHaveCount(0);
  await expect(webhooks.detail.getByRole('table', { name: 'Headers' })).toContainText(
    /x-twenty-webhook-signature/i,
  );
  await shot(page, '3-delivery-detail');

  // Replayed to Inbox B, re-signed with Inbox B's secret: it arrives there valid.
  await webhooks.detail.getByRole('button', { name: 'Replay…' }).click();
  const replay = page.getByRole('dialog', { name: /^Replay company\.updated/ });
  await expect(replay.getByLabel('Send to')).toHaveValue(
    await replay
      .getByLabel('Send to')
      .locator('option', { hasText: 'Inbox B' })
      .getAttribute('value')
      .then((value) => value ?? ''),
  );
  await expect(replay.getByLabel('Secret of')).toContainText('Inbox B (the target)');
  await replay.getByRole('button', { name: 'Send', exact: true }).click();
  const result = replay.getByTestId('replay-result');
  await expect(result).toHaveCount(1);
  await expect(result).toContainText('200');
  await shot(page, '4-replay-result');
  await replay.getByRole('button', { name: 'Close' }).click();

  await webhooks.searchFor('');
  await webhooks.filterReceiver('Inbox B');
  const replayed = webhooks.rowsOf('company.updated');
  await expect(replayed).toHaveCount(1);
  await expect(replayed.getByTestId('verification')).toHaveAttribute('data-status', 'valid');
  await replayed.click();
  await expect(webhooks.detail.getByTestId('detail-record-id')).toHaveText(recordId);
  await shot(page, '5-replay-arrived');

  // "Open in playground" reads the record as it is now.
  await webhooks.detail.getByRole('button', { name: 'Open in playground' }).click();
  await webhooks.shell.expectTool('Query playground');
  await expect(page.getByRole('tab', { name: `Company ${recordId.slice(0, 8)}` })).toHaveAttribute(
    'aria-selected',
    'true',
  );
});

test("a test event's deliveries arrive in the log narrowed to its record; a missed event is a gap", async ({
  page,
  atelier,
}) => {
  test.setTimeout(180_000);
  const { baseUrl, apiKey } = await localWorkspace(page, atelier);
  const webhooks = new WebhooksPage(page);
  await webhooks.open();
  await webhooks.createReceiver('Gap watcher');
  await shot(page, '6-receivers');
  await webhooks.createWebhookTo('Gap watcher');
  await shot(page, '7-twenty-webhooks');

  // A test event: create, update, delete (then destroy) a company; the log follows its record.
  await webhooks.section('Deliveries');
  await page.getByRole('button', { name: 'Send test event…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Send a test event' });
  await expect(dialog.getByLabel('Object')).toHaveValue('company');
  await dialog.getByRole('button', { name: 'Send', exact: true }).click();
  const report = dialog.getByTestId('test-event-report');
  await expect(report).toBeVisible();
  await expect(report.locator('li[data-ok="false"]')).toHaveCount(0);
  const recordId = (await report.locator('code').first().textContent()) ?? '';
  expect(recordId).toMatch(/^[0-9a-f-]{36}$/);
  await shot(page, '8-test-event');
  await dialog.getByRole('button', { name: 'Watch the log' }).click();
  await expect(
    page.getByRole('search', { name: 'Filter deliveries' }).getByLabel('Record id'),
  ).toHaveValue(recordId);
  await webhooks.filterReceiver('Gap watcher');
  for (const event of ['company.created', 'company.updated', 'company.deleted'])
    await expect(webhooks.rowsOf(event)).toHaveCount(1);
  await expect(webhooks.rows().getByTestId('verification').first()).toHaveAttribute(
    'data-status',
    'valid',
  );
  await shot(page, '9-log-by-record');

  // While the receiver is stopped, an edit is lost (Twenty never retries): the gap finder sees it.
  await webhooks.section('Receivers');
  const card = webhooks.receiver('Gap watcher');
  await card.getByRole('button', { name: 'Stop' }).click();
  await expect(card.getByTestId('receiver-state')).toHaveAttribute('data-state', 'stopped');
  const missed = `Missed ${Date.now().toString(36)}`;
  const missedId = await renameCompany(baseUrl, apiKey, missed);
  await card.getByRole('button', { name: 'Start' }).click();
  await expect(card.getByTestId('receiver-state')).toHaveAttribute('data-state', 'running');

  await webhooks.section('Gaps');
  await page.getByRole('region', { name: 'Gaps' }).getByLabel('Delivered to').selectOption({
    label: 'Gap watcher',
  });
  await page.getByRole('button', { name: 'Find gaps' }).click();
  await expect(page.getByTestId('gap-missing')).not.toHaveText('0');
  const companies = page.locator('details.gap-group').filter({ hasText: /^company/ });
  if ((await companies.getAttribute('open')) === null) await companies.locator('summary').click();
  const missedRow = companies.getByTestId('missing-event').filter({ hasText: missed });
  await expect(missedRow).toContainText(missedId.split('-')[0]!);
  // Seeded before the webhook existed, edited while the receiver was down: an update owed.
  await expect(missedRow).toContainText('company.updated');
  await expect(page.getByTestId('gap-missing')).toHaveText('1');
  await shot(page, '10-gaps');
  await page.getByRole('button', { name: 'Fetch these records' }).click();
  await expect(page.getByTestId('gap-records')).toContainText(missed);
});

test('a long log is virtualised and pages back as it scrolls; arrows move the selection', async ({
  page,
  atelier,
}) => {
  test.setTimeout(120_000);
  await localWorkspace(page, atelier);
  const webhooks = new WebhooksPage(page);
  await webhooks.open();
  const { url } = await webhooks.createReceiver('Bulk');
  const COUNT = 260;
  for (let n = 0; n < COUNT; n++)
    await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ n }),
    });
  await webhooks.section('Deliveries');
  await webhooks.filterReceiver('Bulk');
  await expect(page.getByTestId('delivery-total')).toHaveText(`${COUNT} deliveries`);
  expect(await webhooks.rows().count(), 'only the rows in view are in the page').toBeLessThan(60);

  // Each scroll to the end asks for the page before the oldest shown (beforeSeq).
  await expect(async () => {
    await webhooks.log.evaluate((grid) => grid.scrollTo(0, grid.scrollHeight));
    await expect(webhooks.rows().last()).toHaveAttribute('aria-rowindex', String(COUNT + 1), {
      timeout: 1000,
    });
  }).toPass({ timeout: 20_000 });

  await webhooks.log.evaluate((grid) => grid.scrollTo(0, 0));
  await webhooks.log.focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(webhooks.rows().nth(1)).toHaveAttribute('aria-selected', 'true');
  await expect(webhooks.detail.getByTestId('body-pretty')).toContainText(String(COUNT - 2));
});
