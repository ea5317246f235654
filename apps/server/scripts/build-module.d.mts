export const serverRoot: string;

export function buildModule(options: { entry: string; outfile: string }): Promise<{
  bytes: number;
  rpcs: { id: string; handler: string }[];
  hooks: { method: string; handler: string }[];
}>;
