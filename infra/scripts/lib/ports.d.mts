export function isPortFree(port: number, host?: string): Promise<boolean>;
export function findFreePortBlock(span?: number, from?: number, to?: number): Promise<number>;
