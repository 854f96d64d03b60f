/**
 * Which links may leave the app for the system browser: http(s) and mailto only, no embedded
 * credentials, no javascript:, file:, or custom schemes that could launch other programs.
 */
export const isSafeExternalUrl = (value: string): boolean => {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.protocol === 'mailto:') return url.pathname.length > 0 && !/[\r\n]/.test(value);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return false;
  if (url.username || url.password) return false;
  return url.hostname.length > 0;
};
