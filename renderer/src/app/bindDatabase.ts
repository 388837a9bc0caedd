import type { CasebookDB } from '../db/schema';

type Operation = (db: CasebookDB, ...args: never[]) => unknown;

/** A module of `(db, ...args)` functions, as the same functions with the database already given. */
export type Bound<M extends Record<string, Operation>> = {
  [K in keyof M]: M[K] extends (db: CasebookDB, ...args: infer A) => infer R ? (...args: A) => R : never;
};

/**
 * Binds every function of a module to one database, so views call `operations.createEntity(caseId, input)` and
 * never hold the database instance themselves.
 */
export function bindDatabase<M extends Record<string, Operation>>(module: M, db: CasebookDB): Bound<M> {
  const bound: Record<string, unknown> = {};
  for (const [name, fn] of Object.entries(module))
    bound[name] = (...args: never[]) => (fn as (db: CasebookDB, ...rest: never[]) => unknown)(db, ...args);
  return bound as Bound<M>;
}
