import { describe, expect, it } from "vitest";
import { chooseRenderer, readRendererRequest, type WebGLProbe } from "../../src/config/renderer";

const gpu: WebGLProbe = {
  available: true,
  renderer: "ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0, D3D11)",
  majorPerformanceCaveat: false,
};
const swiftshader: WebGLProbe = {
  available: true,
  renderer:
    "ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)",
  majorPerformanceCaveat: false,
};
const none: WebGLProbe = { available: false, renderer: "", majorPerformanceCaveat: false };

describe("which renderer the game uses", () => {
  it("draws with WebGL on a GPU", () => {
    expect(chooseRenderer("auto", gpu).kind).toBe("webgl");
  });

  it("draws with Canvas when WebGL would run on the CPU", () => {
    expect(chooseRenderer("auto", swiftshader)).toEqual({ kind: "canvas", why: "software webgl" });
    for (const renderer of ["llvmpipe (LLVM 15.0.6, 256 bits)", "Microsoft Basic Render Driver"]) {
      expect(chooseRenderer("auto", { ...gpu, renderer }).kind).toBe("canvas");
    }
    expect(chooseRenderer("auto", { ...gpu, majorPerformanceCaveat: true }).kind).toBe("canvas");
    expect(chooseRenderer("auto", none)).toEqual({ kind: "canvas", why: "no webgl" });
  });

  it("follows ?renderer=, but never asks for a WebGL that isn't there", () => {
    expect(chooseRenderer(readRendererRequest("?renderer=webgl"), swiftshader).kind).toBe("webgl");
    expect(chooseRenderer(readRendererRequest("?renderer=canvas"), gpu).kind).toBe("canvas");
    expect(chooseRenderer(readRendererRequest("?renderer=webgl"), none).kind).toBe("canvas");
    expect(readRendererRequest("?renderer=vulkan")).toBe("auto");
    expect(readRendererRequest("")).toBe("auto");
  });
});
