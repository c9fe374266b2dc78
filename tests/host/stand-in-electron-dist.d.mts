export function makeStandInElectronDist(version: string): string;
