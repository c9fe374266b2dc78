// electron-builder afterSign hook (macOS): notarises the signed app with Apple's
// notary service when credentials are in the environment, and says clearly why
// it is skipped when they are not. Credentials, either:
//   APPLE_API_KEY (path to the .p8 key), APPLE_API_KEY_ID, APPLE_API_ISSUER, or
//   APPLE_ID, APPLE_APP_SPECIFIC_PASSWORD, APPLE_TEAM_ID.
// Signing itself is electron-builder's (CSC_LINK + CSC_KEY_PASSWORD); an
// unsigned app cannot be notarised, so that is checked first.
import { join } from 'node:path';

export function notarizeCredentials(env = process.env) {
  if (env.APPLE_API_KEY && env.APPLE_API_KEY_ID && env.APPLE_API_ISSUER) {
    return { appleApiKey: env.APPLE_API_KEY, appleApiKeyId: env.APPLE_API_KEY_ID, appleApiIssuer: env.APPLE_API_ISSUER };
  }
  if (env.APPLE_ID && env.APPLE_APP_SPECIFIC_PASSWORD && env.APPLE_TEAM_ID) {
    return { appleId: env.APPLE_ID, appleIdPassword: env.APPLE_APP_SPECIFIC_PASSWORD, teamId: env.APPLE_TEAM_ID };
  }
  return null;
}

export default async function notarizeApp(context) {
  if (context.electronPlatformName !== 'darwin') return;
  const appPath = join(context.appOutDir, `${context.packager.appInfo.productFilename}.app`);
  if (!process.env.CSC_LINK && !process.env.CSC_NAME) {
    console.log(`  • notarisation skipped: the app is not signed (no CSC_LINK / CSC_NAME); ${appPath} will need "Open" from the context menu on first launch.`);
    return;
  }
  const credentials = notarizeCredentials();
  if (!credentials) {
    console.log('  • notarisation skipped: set APPLE_API_KEY, APPLE_API_KEY_ID and APPLE_API_ISSUER, or APPLE_ID, APPLE_APP_SPECIFIC_PASSWORD and APPLE_TEAM_ID.');
    return;
  }
  const { notarize } = await import('@electron/notarize');
  console.log(`  • notarising ${appPath} (this takes a few minutes)`);
  await notarize({ appPath, ...credentials });
  console.log('  • notarised and stapled');
}
