export const NODE22_TOOLS: string;
export function ensureNode22(options?: { install?: boolean; log?: (line: string) => void }): string;
