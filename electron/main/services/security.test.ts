import { describe, expect, it } from 'vitest';
import {
  isAllowedNavigation,
  isPermissionGranted,
  isTrustedOrigin,
  opensExternally,
  originOf,
  trustedOrigins,
} from './security';

describe('originOf', () => {
  it('gives scheme and host, even for the custom app scheme', () => {
    expect(originOf('app://casebook/index.html#/cases')).toBe('app://casebook');
    expect(originOf('http://localhost:5173/src/main.tsx')).toBe('http://localhost:5173');
  });

  it('has none for URLs without a host', () => {
    expect(originOf('file:///etc/passwd')).toBeNull();
    expect(originOf('data:text/html,<p>')).toBeNull();
    expect(originOf('about:blank')).toBeNull();
    expect(originOf('')).toBeNull();
  });
});

describe('isTrustedOrigin', () => {
  const production = trustedOrigins(undefined);
  const development = trustedOrigins('http://localhost:5173');

  it('trusts the app protocol, and the dev server only when configured', () => {
    expect(production).toEqual(['app://casebook']);
    expect(isTrustedOrigin('app://casebook/index.html', production)).toBe(true);
    expect(isTrustedOrigin('http://localhost:5173/', production)).toBe(false);
    expect(isTrustedOrigin('http://localhost:5173/', development)).toBe(true);
  });

  it('does not trust look-alikes', () => {
    for (const url of [
      'app://casebook.evil.example/',
      'app://casebook:8080/',
      'https://casebook/',
      'http://localhost:5174/',
      'http://127.0.0.1:5173/',
      'http://localhost:5173.evil.example/',
      'file:///app/casebook/index.html',
      'app://report/123',
      undefined,
      null,
      '',
    ]) {
      expect(isTrustedOrigin(url, development), String(url)).toBe(false);
    }
  });
});

describe('navigation and window.open', () => {
  const allowed = trustedOrigins(undefined);

  it('lets a page reload itself but not leave the app', () => {
    expect(isAllowedNavigation('app://casebook/index.html', allowed)).toBe(true);
    expect(isAllowedNavigation('https://example.org/', allowed)).toBe(false);
    expect(isAllowedNavigation('file:///etc/passwd', allowed)).toBe(false);
    expect(isAllowedNavigation('javascript:alert(1)', allowed)).toBe(false);
  });

  it('hands only http, https and mailto to the system', () => {
    expect(opensExternally('https://example.org/')).toBe(true);
    expect(opensExternally('mailto:a@example.org')).toBe(true);
    expect(opensExternally('javascript:alert(1)')).toBe(false);
    expect(opensExternally('file:///etc/passwd')).toBe(false);
    expect(opensExternally('app://casebook/')).toBe(false);
  });
});

describe('isPermissionGranted', () => {
  const allowed = trustedOrigins(undefined);

  it('refuses everything but persistent storage for the app itself', () => {
    expect(isPermissionGranted('persistent-storage', 'app://casebook/', allowed)).toBe(true);
    expect(isPermissionGranted('persistent-storage', 'app://casebook', allowed)).toBe(true);
    expect(isPermissionGranted('persistent-storage', 'https://example.org/', allowed)).toBe(false);
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen']) {
      expect(isPermissionGranted(permission, 'app://casebook/', allowed)).toBe(false);
    }
  });
});
