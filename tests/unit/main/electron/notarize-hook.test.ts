/** The afterSign hook: notarises only a signed macOS app with credentials, and says why it skips otherwise. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import notarizeApp, { notarizeCredentials } from '../../../../scripts/notarize.mjs';

const context = (platform: string) => ({ electronPlatformName: platform, appOutDir: '/tmp/out/mac-arm64', packager: { appInfo: { productFilename: 'Qirtas' } } });
const SIGNING = ['CSC_LINK', 'CSC_NAME', 'APPLE_ID', 'APPLE_APP_SPECIFIC_PASSWORD', 'APPLE_TEAM_ID', 'APPLE_API_KEY', 'APPLE_API_KEY_ID', 'APPLE_API_ISSUER'];

describe('scripts/notarize.mjs', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
  });

  it('reads either an App Store Connect API key or an Apple ID, complete, from the environment', () => {
    expect(notarizeCredentials({ APPLE_API_KEY: '/k.p8', APPLE_API_KEY_ID: 'ID', APPLE_API_ISSUER: 'ISS' })).toEqual({ appleApiKey: '/k.p8', appleApiKeyId: 'ID', appleApiIssuer: 'ISS' });
    expect(notarizeCredentials({ APPLE_ID: 'a@b.c', APPLE_APP_SPECIFIC_PASSWORD: 'pw', APPLE_TEAM_ID: 'T' })).toEqual({ appleId: 'a@b.c', appleIdPassword: 'pw', teamId: 'T' });
    expect(notarizeCredentials({ APPLE_ID: 'a@b.c', APPLE_TEAM_ID: 'T' })).toBeNull();
    expect(notarizeCredentials({})).toBeNull();
  });

  it('does nothing for Linux and Windows builds', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    await notarizeApp(context('linux'));
    await notarizeApp(context('win32'));
    expect(log).not.toHaveBeenCalled();
  });

  it('skips an unsigned macOS app, saying so', async () => {
    for (const name of SIGNING) vi.stubEnv(name, '');
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    await notarizeApp(context('darwin'));
    expect(log.mock.calls.join('\n')).toMatch(/notarisation skipped: the app is not signed/);
  });

  it('skips a signed macOS app without credentials, naming the variables to set', async () => {
    for (const name of SIGNING) vi.stubEnv(name, '');
    vi.stubEnv('CSC_LINK', 'certificate.p12');
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    await notarizeApp(context('darwin'));
    expect(log.mock.calls.join('\n')).toMatch(/notarisation skipped: set APPLE_API_KEY.*APPLE_ID, APPLE_APP_SPECIFIC_PASSWORD and APPLE_TEAM_ID/);
  });
});
