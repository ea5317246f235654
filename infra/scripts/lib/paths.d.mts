export const repoRoot: string;
export const infraDir: string;
export const dataDir: string;
export const serverDistDir: string;
export const nakamaConfigFile: string;
export const cacheDir: string;
