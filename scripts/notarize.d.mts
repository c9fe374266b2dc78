export interface AfterSignContext {
  electronPlatformName: string;
  appOutDir: string;
  packager: { appInfo: { productFilename: string } };
}
export function notarizeCredentials(env?: NodeJS.ProcessEnv): Record<string, string> | null;
export default function notarizeApp(context: AfterSignContext): Promise<void>;
