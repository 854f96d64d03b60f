import { describe, expect, it } from 'vitest';
import { classifyHost, parseHttpUrl } from './host-class';

const hostOf = (url: string) => new URL(url).hostname;

describe('classifyHost', () => {
  it.each([
    ['http://127.0.0.1:3000', 'loopback'],
    ['http://127.8.9.10', 'loopback'],
    ['http://localhost:4567', 'loopback'],
    ['http://api.localhost', 'loopback'],
    ['http://0.0.0.0:8080', 'loopback'],
    ['http://[::1]:9000', 'loopback'],
    ['http://[::]', 'loopback'],
    ['http://0x7f.1/', 'loopback'], // the URL parser turns it into 127.0.0.1
    ['http://[::ffff:127.0.0.1]/', 'loopback'],
    ['http://10.1.2.3', 'private'],
    ['http://172.16.0.1', 'private'],
    ['http://172.31.255.255', 'private'],
    ['http://192.168.1.20', 'private'],
    ['http://169.254.169.254', 'private'],
    ['http://[fd12:3456::1]', 'private'],
    ['http://[fe80::1]', 'private'],
    ['http://[::ffff:192.168.0.1]', 'private'],
    ['http://printer.local', 'private'],
    ['http://172.32.0.1', 'public'],
    ['http://11.0.0.1', 'public'],
    ['https://hooks.example.com', 'public'],
    ['http://[2001:db8::1]', 'public'],
    ['http://192.169.0.1', 'public'],
  ])('%s is %s', (url, expected) => {
    expect(classifyHost(hostOf(url))).toBe(expected);
  });

  it('parses only http(s) URLs', () => {
    expect(parseHttpUrl(' https://a.example/x ')?.pathname).toBe('/x');
    expect(parseHttpUrl('ftp://a.example')).toBeNull();
    expect(parseHttpUrl('not a url')).toBeNull();
  });
});
