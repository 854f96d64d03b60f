export { electronBinary } from '../../electron/hosts/electron-binary';

export const NO_ELECTRON =
  'The Electron binary is not installed (ELECTRON_SKIP_BINARY_DOWNLOAD): this spec runs where it is; browser-mode specs cover the same contract.';
