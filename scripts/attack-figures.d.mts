/** The line printed at the end of `npm test` for the figures the attack tests recorded. */
export declare function attackFiguresLine(records: readonly { figure: string; count: number }[]): string;
