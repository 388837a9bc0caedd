/**
 * What the link chart knows of its drawing before loading it: whether WebGL works here, and the choices of how
 * many names to write. Kept apart from the renderer, which cannot even load without WebGL.
 */

/** How many names the chart writes: sigma keeps those it writes from overlapping, and writes bigger nodes first. */
export const LABEL_DENSITIES = {
  few: { label: 'Few names', density: 0.05, threshold: 8 },
  some: { label: 'Some names', density: 0.15, threshold: 5 },
  many: { label: 'Many names', density: 0.6, threshold: 1 },
} as const;
export type LabelDensity = keyof typeof LABEL_DENSITIES;

export type WebGLSupport = 'none' | 'software' | 'hardware';

/** Whether WebGL works here, and whether a GPU draws it (software renderers are SwiftShader, llvmpipe and the like). */
export function webglSupport(): WebGLSupport {
  try {
    const canvas = document.createElement('canvas');
    const gl = canvas.getContext('webgl2') ?? canvas.getContext('webgl');
    if (!gl) return 'none';
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const name = info ? String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL)) : '';
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return /swiftshader|llvmpipe|softpipe|software/i.test(name) ? 'software' : 'hardware';
  } catch {
    return 'none';
  }
}
