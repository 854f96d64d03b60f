import { execFileSync } from 'node:child_process';
import { test as setup } from '@playwright/test';
import { electronBinary, NO_ELECTRON } from './electron-binary';

/** Bundles the desktop main process and preload, only where Electron can run them. */
setup('build the desktop bundle', () => {
  setup.skip(!electronBinary(), NO_ELECTRON);
  setup.setTimeout(120_000);
  execFileSync(
    process.platform === 'win32' ? 'npm.cmd' : 'npm',
    ['run', '--silent', 'build:desktop'],
    {
      stdio: 'inherit',
    },
  );
});
