/// <reference types="vite/client" />

/** The app's version from package.json, injected at build time. */
declare const __APP_VERSION__: string;

/** The version of tesseract.js bundled for text recognition, injected at build time. */
declare const __TESSERACT_VERSION__: string;
