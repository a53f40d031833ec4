export function script(text: string): string;
export function textAddress(source: string): number;
export function gnuBuild(files: string[], work: string): Record<string, { address: number; hex: string }>;
export function corpusPrograms(): { name: string; files: string[] }[];
