/// <reference types="vite/client" />
// Trusted Types (window.trustedTypes, TrustedHTML): the app's CSP requires them for HTML and script sinks.
/// <reference types="trusted-types" />

/** The app's version from package.json, injected at build time. */
declare const __APP_VERSION__: string;

/** The version of tesseract.js bundled for text recognition, injected at build time. */
declare const __TESSERACT_VERSION__: string;
