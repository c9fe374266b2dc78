export interface AsarFile {
  path: string;
  size: number;
  unpacked: boolean;
}
export interface AsarReport {
  asarBytes: number;
  unpackedBytes: number;
  fileCount: number;
  files: AsarFile[];
  forbidden: Record<string, string[]>;
  biggest: Array<{ name: string; bytes: number }>;
}
export const FORBIDDEN: Array<{ name: string; test(path: string): boolean }>;
export function asarReport(asarPath: string): AsarReport;
