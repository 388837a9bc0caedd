/** Citations are shared by the excerpts' views, notes and the report: the pure module lives in `citations/`. */
export * from '../../citations/citation';
