import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { readKeychain } from '../../fixtures/keychain';
import { expect, test } from '../../fixtures/test';
import { AccessPage } from '../../pages/access-page';
import { ConnectionsPage } from '../../pages/connections-page';
import { setQuery } from '../../pages/playground-page';

/**
 * Access admin as an admin uses it on the local workspace: a read-only role with one hidden field
 * drafted in the matrix, reviewed and applied through Twenty's role operations; a key with that
 * role, which needs Twenty's sign-in first; then a query run as that key in the playground, where
 * Twenty refuses the hidden field, and the same query without it answered.
 */
const shots = join('test-results', 'screenshots', 'access');
const shot = async (page: Page, name: string) => {
  await mkdir(shots, { recursive: true });
  await page.screenshot({ path: join(shots, `${name}.png`) });
};

test('read-only role with a hidden field, a key with it, the field refused in the playground', async ({
  page,
  atelier,
}) => {
  test.setTimeout(240_000);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  const connections = new ConnectionsPage(page);
  await connections.open();
  await connections.waitForLocalRunning();

  const access = new AccessPage(page);
  await access.open();
  await expect(access.matrix.getByRole('columnheader', { name: /Admin/ })).toBeVisible({
    timeout: 30_000,
  });
  // Admin cannot be changed: its cells are disabled.
  await expect(
    access.matrix.getByRole('button', { name: /^Admin · People · read/ }),
  ).toBeDisabled();

  // The draft: a role that reads everything and writes nothing, with Job Title hidden.
  await access.draftRole('Read only', {
    'Create and update all records': false,
    'Delete all records': false,
    'Destroy all records': false,
    'Assignable to API keys': true,
  });
  await access.restrictField('People', 'Person', 'Job Title', 'Read only', 'Hidden');
  await expect(
    access.matrix.getByRole('button', { name: 'Read only · People · read: inherits allowed' }),
  ).toBeVisible();
  await expect(
    access.matrix.getByRole('button', {
      name: 'Read only · People · create/update: inherits denied',
    }),
  ).toBeVisible();
  await shot(page, '1-matrix-draft');

  // Review: Twenty's operations in order, nothing refused; apply.
  await page.getByRole('button', { name: 'Review plan' }).click();
  const plan = access.dialog('Review access changes');
  const steps = plan.getByRole('list', { name: 'Plan steps' }).locator(':scope > li');
  await expect(steps).toHaveCount(2);
  await expect(steps.nth(0)).toContainText('createOneRole');
  await expect(steps.nth(1)).toContainText('upsertFieldPermissions');
  await expect(steps.nth(1)).toContainText('person.jobTitle: full → hidden');
  await expect(plan.getByRole('region', { name: 'Problems' })).toHaveCount(0);
  await shot(page, '2-plan');
  await plan.getByRole('button', { name: 'Apply' }).click();
  await expect(plan.getByTestId('access-apply-result')).toHaveText('Applied 2 of 2 steps.', {
    timeout: 30_000,
  });
  await expect(plan.locator('li[data-status="applied"]')).toHaveCount(2);
  await shot(page, '3-applied');
  await plan.getByRole('button', { name: 'Done' }).click();
  // Read back from the workspace: the role exists with the field hidden, the draft is empty.
  await expect(page.getByRole('region', { name: 'Draft' })).toHaveCount(0);
  const jobTitle = page.getByRole('combobox', { name: 'Person Job Title for Read only' });
  const peopleFields = page.getByRole('button', { name: 'People fields' });
  await expect(async () => {
    if ((await peopleFields.getAttribute('aria-expanded')) !== 'true') await peopleFields.click();
    await expect(jobTitle.locator('option:checked')).toHaveText('Hidden', { timeout: 2000 });
  }).toPass({ timeout: 20_000 });

  // A key with that role: Twenty wants a signed-in user to mint it.
  await access.tab('API keys');
  await expect(access.session).toContainText(/sign/i);
  await page.getByRole('button', { name: 'New key' }).click();
  const newKey = access.dialog('New API key');
  await newKey.getByLabel('Key name').fill('Reporting');
  await newKey.getByLabel('Role', { exact: true }).selectOption({ label: 'Read only' });
  await newKey.getByLabel('Expires').selectOption({ label: '30 days' });
  await newKey.getByRole('button', { name: 'Create key' }).click();
  const signIn = access.dialog('Sign in to Twenty');
  await expect(signIn).toBeVisible({ timeout: 30_000 });
  await expect(signIn.getByLabel('Email')).toHaveValue('admin@atelier.local');
  await shot(page, '4-sign-in');
  await signIn.getByRole('button', { name: 'Sign in' }).click();
  const token = access.dialog('Copy this token now — Twenty never shows it again');
  await expect(token).toBeVisible({ timeout: 30_000 });
  const minted = await token.getByTestId('revealed-token').inputValue();
  expect(minted.split('.')).toHaveLength(3);
  await shot(page, '5-token-once');
  await token.getByRole('button', { name: 'Done' }).click();
  const row = access.keyRow('Reporting');
  await expect(row).toContainText('Read only');
  await expect(access.session).toContainText('admin@atelier.local');
  await shot(page, '6-keys');
  // The session's refresh token went to the keychain, not to a file the renderer can read.
  expect(readKeychain(atelier.keychainService, 'twenty-session:local')).toContain('refreshToken');

  // What the key may do.
  await row.getByRole('button', { name: 'Effective access of Reporting' }).click();
  const effective = page.getByRole('table', { name: 'Effective access' });
  await expect(effective).toBeVisible();
  await page.getByRole('button', { name: 'Person fields' }).click();
  await expect(effective.getByRole('row').filter({ hasText: 'Job Title' })).toContainText(
    /hidden/i,
  );
  await shot(page, '7-effective-access');

  // Try as this key: Twenty refuses the hidden field, answers without it.
  await access.shell.goByShortcut('Query playground');
  await expect(page.getByTestId('editor-graphql').first()).toBeVisible({ timeout: 45_000 });
  const runAs = page.getByLabel('Run as');
  await runAs.focus();
  await expect(runAs.locator('option', { hasText: 'Reporting (Read only)' })).toBeAttached();
  await runAs.selectOption({ label: 'Reporting (Read only)' });
  await setQuery(page, '{ people { edges { node { id jobTitle } } } }');
  await page.getByRole('button', { name: /^Run/ }).click();
  await expect(page.getByTestId('acted-as')).toHaveText('Ran as Reporting', { timeout: 30_000 });
  const errors = page.getByRole('list', { name: 'Errors' });
  await expect(errors).toContainText('FORBIDDEN');
  await expect(errors).toContainText('no permission to read field "jobTitle" on "person"');
  await shot(page, '8-playground-refused');

  await setQuery(page, '{ people { edges { node { id name { firstName } } } } }');
  await page.getByRole('button', { name: /^Run/ }).click();
  await expect(page.getByRole('list', { name: 'Errors' })).toHaveCount(0, { timeout: 30_000 });
  await expect(page.getByTestId('result-status')).toHaveText('200');
  await expect(page.getByTestId('acted-as')).toHaveText('Ran as Reporting');
  await shot(page, '9-playground-allowed');

  // Rotation: a new key with the same name and role; the old one revoked once confirmed.
  await access.open();
  await access.tab('API keys');
  await access.keyRow('Reporting').getByRole('button', { name: 'Rotate Reporting' }).click();
  const rotate = access.dialog('Rotate the key Reporting?');
  await rotate.getByRole('button', { name: 'Rotate key' }).click();
  const rotatedToken = access.dialog('Copy this token now — Twenty never shows it again');
  await expect(rotatedToken.getByTestId('revealed-token')).not.toHaveValue(minted, {
    timeout: 30_000,
  });
  await rotatedToken.getByRole('button', { name: 'Next' }).click();
  const revokeOld = access.dialog('Revoke the old key now?');
  await shot(page, '10-revoke-old');
  await revokeOld.getByRole('button', { name: 'Revoke key' }).click();
  await expect(revokeOld).toBeHidden({ timeout: 30_000 });
  await expect(access.keyRow('Reporting')).toHaveCount(1);
  await expect(access.keyRow('Reporting')).toContainText('Read only');
  await expect(access.keyRow('Reporting')).toContainText(/from Reporting/);
  await shot(page, '11-rotated');
  // The old token no longer opens the workspace.
  const baseUrl = /"Local workspace ready","url":"(http:\/\/127\.0\.0\.1:\d+)"/.exec(
    atelier.output(),
  )?.[1];
  const old = await fetch(`${baseUrl}/rest/people`, {
    headers: { authorization: `Bearer ${minted}` },
  });
  expect(old.status).toBe(403);
});
