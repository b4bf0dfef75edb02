/**
 * BudouX (its parser and Japanese model), behind a module of its own so the build gives it a
 * chunk of its own, named for what it is: line-breaks.ts loads it only for maps with Japanese text.
 */
export { Parser, jaModel } from 'budoux';
