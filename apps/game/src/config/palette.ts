/** The game's colours and font: constants every layer that draws may use. */
export const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";

export const colors = {
  night: 0x0b1a33,
  /** the bottom of the menus' night sky, which fades up into `night` */
  dusk: 0x1d3b6e,
  panel: 0x132a52,
  panelEdge: 0x2f5597,
  button: 0x1f6feb,
  buttonHover: 0x3b82f6,
  buttonDanger: 0xc2410c,
  focus: 0xffd166,
  text: "#ffffff",
  muted: "#b8cdee",
  accent: "#ffd166",
  good: "#7ee787",
  bad: "#ff7b72",
} as const;

/** A 0xRRGGBB colour as CSS `#rrggbb`. */
export function css(color: number): string {
  return `#${color.toString(16).padStart(6, "0")}`;
}
