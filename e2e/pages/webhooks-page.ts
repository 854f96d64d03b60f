import { readFile } from 'node:fs/promises';
import { expect, type Locator, type Page } from '@playwright/test';
import { ShellPage } from './shell-page';

export type WebhooksSection = 'Deliveries' | 'Receivers' | 'Twenty webhooks' | 'Gaps';

/** The Webhooks tool: receivers, the delivery log and its detail, replay, Twenty's webhooks. */
export class WebhooksPage {
  readonly shell: ShellPage;
  readonly log: Locator;
  readonly detail: Locator;
  readonly search: Locator;

  constructor(readonly page: Page) {
    this.shell = new ShellPage(page);
    this.log = page.getByRole('grid', { name: 'Deliveries' });
    this.detail = page.getByRole('complementary', { name: 'Delivery detail' });
    this.search = page.getByRole('searchbox', { name: 'Search deliveries' });
  }

  async open(): Promise<void> {
    await this.shell.goByShortcut('Webhooks');
  }

  async section(name: WebhooksSection): Promise<void> {
    const tab = this.page
      .getByRole('tablist', { name: 'Webhooks sections' })
      .getByRole('tab', { name });
    await tab.click();
    await expect(tab).toHaveAttribute('aria-selected', 'true');
  }

  receiver(name: string): Locator {
    return this.page.getByRole('article', { name, exact: true });
  }

  /**
   * Creates a receiver with a generated secret, reads the secret from the shown-once dialog,
   * and answers the secret and the local URL once it listens.
   */
  async createReceiver(name: string): Promise<{ secret: string; url: string }> {
    await this.section('Receivers');
    await this.page.getByRole('button', { name: 'New receiver' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'New receiver' });
    await dialog.getByLabel('Name').fill(name);
    await dialog.getByRole('button', { name: 'Create receiver' }).click();
    const shown = this.page.getByRole('dialog', { name: `Secret of ${name}` });
    await expect(shown).toContainText("You won't see it again");
    const secret = (await shown.getByTestId('revealed-secret').textContent()) ?? '';
    await shown.getByRole('button', { name: 'Done' }).click();
    await expect(shown).toBeHidden();
    const card = this.receiver(name);
    await expect(card.getByTestId('receiver-state')).toHaveAttribute('data-state', 'running');
    const url = (await card.getByTestId('receiver-url').textContent()) ?? '';
    return { secret, url };
  }

  /** Opens "New webhook" in the Twenty webhooks section. */
  async openNewWebhook(): Promise<Locator> {
    await this.section('Twenty webhooks');
    await this.page.getByRole('button', { name: 'New webhook' }).click();
    const dialog = this.page.getByRole('dialog', { name: /^New webhook in / });
    await expect(dialog).toBeVisible();
    return dialog;
  }

  /** A webhook in the active workspace on every event (`*.*`), pointing at a receiver. */
  async createWebhookTo(receiverName: string): Promise<void> {
    const dialog = await this.openNewWebhook();
    await dialog.getByLabel('Receiver').selectOption({ label: receiverName });
    await expect(dialog.getByTestId('target-advice')).toHaveAttribute('data-level', 'ok');
    await dialog.getByRole('button', { name: 'Create webhook' }).click();
    await expect(dialog).toBeHidden();
    await this.dismissSecret();
    await expect(
      this.page.getByTestId('webhook-row').filter({ hasText: `→ ${receiverName}` }),
    ).toBeVisible();
  }

  /** Closes the shown-once secret of a webhook, when Twenty was given a new one. */
  async dismissSecret(): Promise<void> {
    const shown = this.page.getByRole('dialog', { name: 'Webhook secret' });
    if (await shown.isVisible()) await shown.getByRole('button', { name: 'Done' }).click();
    await expect(shown).toBeHidden();
  }

  /** Clicks a button that downloads a file and returns the file's name and text. */
  async download(button: string): Promise<{ name: string; text: string }> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.getByRole('button', { name: button }).click(),
    ]);
    return {
      name: download.suggestedFilename(),
      text: await readFile(await download.path(), 'utf8'),
    };
  }

  rows(): Locator {
    return this.log.getByTestId('delivery-row');
  }

  /** The log's rows for an event name. */
  rowsOf(eventName: string): Locator {
    return this.rows().filter({ hasText: eventName });
  }

  async searchFor(text: string): Promise<void> {
    await this.search.fill(text);
    await this.search.press('Enter');
  }

  async filterReceiver(name: string | null): Promise<void> {
    await this.page
      .getByRole('search', { name: 'Filter deliveries' })
      .getByLabel('Receiver')
      .selectOption(name === null ? { value: '' } : { label: name });
  }
}
