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

type AsyncOperation = (db: CasebookDB, ...args: never[]) => Promise<unknown>;

/**
 * `bindDatabase` for a module loaded on first use: the first call of any of its functions loads it (once), then runs.
 * Only modules of async functions qualify, so a caller cannot tell the difference; the module stays out of the
 * start-up bundle.
 */
export function bindDatabaseOnDemand<M extends Record<string, AsyncOperation>>(load: () => Promise<M>, db: CasebookDB): Bound<M> {
  let bound: Promise<Bound<M>> | undefined;
  const functions = new Map<string, (...args: never[]) => Promise<unknown>>();
  return new Proxy({} as Bound<M>, {
    get(_, name) {
      // Not a thenable: awaiting or returning the object from an async function must not call anything.
      if (typeof name !== 'string' || name === 'then') return undefined;
      let fn = functions.get(name);
      if (!fn) {
        fn = async (...args: never[]) => {
          bound ??= load().then((module) => bindDatabase(module, db));
          const operation = (await bound)[name] as ((...args: never[]) => Promise<unknown>) | undefined;
          if (!operation) throw new TypeError(`There is no operation named ${name}.`);
          return operation(...args);
        };
        functions.set(name, fn);
      }
      return fn;
    },
  });
}
