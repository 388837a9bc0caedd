/** The one line shown when Casebook cannot start because Electron is missing. */
export declare const MISSING_ELECTRON_MESSAGE: string;
/** The package folder of `electron` in this checkout. */
export declare function electronPackageDir(root?: string): string;
/** Absolute path of the Electron executable, or null when it has not been downloaded. */
export declare function electronBinaryPath(packageDir?: string): string | null;
