/*
 * Text recognition's worker, started in place of Tesseract's own (ocr/worker.min.js): the app's CSP reaches the worker
 * (its script's response carries it) and requires Trusted Types, so the script addresses Tesseract's worker loads
 * (importScripts of itself and of its WebAssembly core) must pass a policy. This is the app's default policy's rule
 * for script addresses (renderer/src/app/defaultPolicy.ts): the app's own files only. Copied into the build as it is.
 */
self.trustedTypes?.createPolicy('default', {
  createScriptURL: (url) => {
    const script = new URL(url, self.location.href);
    return script.protocol === self.location.protocol && script.host !== '' && script.host === self.location.host ? url : null;
  },
});
importScripts('worker.min.js');
