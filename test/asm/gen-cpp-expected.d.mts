import type { CppCase } from './cpp-cases';
export function gccArgs(c: CppCase): string[];
export function gccPreprocess(c: CppCase): string;
