import { defineConfig } from '@playwright/test';

/**
 * E2E: browser-mode specs drive the built renderer (dist/renderer, `npm run build:renderer`)
 * in Debian's Chromium; the Electron spec runs where the Electron binary is installed.
 * Every worker starts its own servers, so one worker is the right size for two cores.
 */
export default defineConfig({
  outputDir: 'test-results',
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: 'list',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  use: {
    screenshot: 'only-on-failure',
    viewport: { width: 1280, height: 800 },
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-sync',
      ],
    },
  },
  projects: [
    { name: 'browser', testDir: 'e2e/specs' },
    { name: 'electron-build', testDir: 'e2e/electron', testMatch: /\.setup\.ts$/ },
    {
      name: 'electron',
      testDir: 'e2e/electron',
      testMatch: /\.electron\.spec\.ts$/,
      dependencies: ['electron-build'],
    },
  ],
});
