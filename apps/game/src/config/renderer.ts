export type RendererKind = "webgl" | "canvas";
export type RendererRequest = RendererKind | "auto";

/** What the browser's WebGL looks like, as far as a page can tell. */
export interface WebGLProbe {
  available: boolean;
  /** The GPU string (`UNMASKED_RENDERER_WEBGL` where the browser shares it), or "". */
  renderer: string;
  /** Context creation refused with `failIfMajorPerformanceCaveat`. */
  majorPerformanceCaveat: boolean;
}

export interface RendererChoice {
  kind: RendererKind;
  why: string;
}

// CPU rasterizers behind WebGL: Chromium's SwiftShader, Mesa's llvmpipe/softpipe, Windows' WARP.
const SOFTWARE_GL = /swiftshader|llvmpipe|softpipe|software|basic render driver/i;

/**
 * WebGL when a GPU draws it. When WebGL would run on the CPU (no GPU, a blocklisted driver,
 * headless CI), Canvas 2D is the faster renderer: Skia's CPU raster keeps 60 fps where a
 * software-WebGL fill of the same frame does not (docs/performance.md).
 */
export function chooseRenderer(request: RendererRequest, probe: WebGLProbe): RendererChoice {
  if (request === "canvas") return { kind: "canvas", why: "requested" };
  if (request === "webgl") {
    return probe.available
      ? { kind: "webgl", why: "requested" }
      : { kind: "canvas", why: "requested webgl, unavailable" };
  }
  if (!probe.available) return { kind: "canvas", why: "no webgl" };
  if (probe.majorPerformanceCaveat) return { kind: "canvas", why: "webgl performance caveat" };
  if (SOFTWARE_GL.test(probe.renderer)) return { kind: "canvas", why: "software webgl" };
  return { kind: "webgl", why: "gpu" };
}

export function readRendererRequest(search: string): RendererRequest {
  const r = new URLSearchParams(search).get("renderer");
  return r === "webgl" || r === "canvas" ? r : "auto";
}

/** Asks a throwaway canvas; the context is released at once. */
export function probeWebGL(): WebGLProbe {
  const strict = document
    .createElement("canvas")
    .getContext("webgl", { failIfMajorPerformanceCaveat: true });
  const gl = strict ?? document.createElement("canvas").getContext("webgl");
  if (!gl) return { available: false, renderer: "", majorPerformanceCaveat: false };
  const info = gl.getExtension("WEBGL_debug_renderer_info");
  const renderer = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER) ?? "");
  gl.getExtension("WEBGL_lose_context")?.loseContext();
  return { available: true, renderer, majorPerformanceCaveat: strict === null };
}
