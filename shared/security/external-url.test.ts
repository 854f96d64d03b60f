import { describe, expect, it } from 'vitest';
import { isSafeExternalUrl } from './external-url';

describe('isSafeExternalUrl', () => {
  it.each([
    'https://twenty.com/developers',
    'http://127.0.0.1:3020/rest/open-api/core',
    'mailto:support@example.com',
  ])('lets %s open in the system browser', (url) => expect(isSafeExternalUrl(url)).toBe(true));

  it.each([
    'javascript:alert(1)',
    'file:///etc/passwd',
    'ms-msdt:/id PCWDiagnostic',
    'smb://server/share',
    'https://user:pass@example.com',
    'not a url',
    '',
    'vscode://open',
    'data:text/html,<script>1</script>',
  ])('keeps %s inside', (url) => expect(isSafeExternalUrl(url)).toBe(false));
});
