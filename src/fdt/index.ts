export * from './tree';
export * from './format';
export { writeFdt, type FdtWriteOptions } from './writer';
export { readFdt, findNode, findProp, fdtValue, type ParsedFdt } from './reader';
export { boardFdtTree, buildBoardFdt, type BoardFdtConfig } from './board';
